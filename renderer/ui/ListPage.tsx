import { Center, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../shared/errors';
import { errorMessage } from '../app/i18n';
import { ErrorAlert } from './ErrorAlert';
import { LIST_PAGE_WIDTH } from './layout';
import { PageHeader } from './PageHeader';

/**
 * A list's rows from one call, loaded when the page opens and again on `reload` (after a
 * save); the call's error, translated, while it fails. `fetch` is kept stable by the caller
 * (`useCallback`), or the list loads again at every render.
 */
export function useListed<T>(fetch: () => Promise<Result<T[]>>): { items: T[] | null; error: string | null; reload(): Promise<void> } {
  const { t } = useTranslation();
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      fetch().then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setItems(result.value);
      }),
    [fetch, t],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, reload };
}

interface Props<T> {
  title: ReactNode;
  description?: string;
  actions?: ReactNode;
  items: T[] | null;
  error: string | null;
  /** What an empty list says; without it, an empty list shows its table's head. */
  empty?: { text: string; testId?: string };
  /** The columns' headings; `actions` names the last column, read out only (its buttons say the rest). */
  columns: { headings: string[]; actions?: string };
  row(item: T): ReactNode;
  tableTestId: string;
  /** Past this width the table scrolls sideways rather than squeezing its columns. */
  minWidth?: number;
  highlightOnHover?: boolean;
  maw?: number;
  /** What the page holds beside the table: its dialogs. */
  children?: ReactNode;
}

/** A page that is a list: its heading and actions, an error, a loader, an empty state or the table. */
export function ListPage<T>({ title, description, actions, items, error, empty, columns, row, tableTestId, minWidth, highlightOnHover, maw = LIST_PAGE_WIDTH, children }: Props<T>) {
  const table = items ? (
    <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover={highlightOnHover} data-testid={tableTestId}>
      <Table.Thead>
        <Table.Tr>
          {columns.headings.map((heading) => (
            <Table.Th key={heading}>{heading}</Table.Th>
          ))}
          {columns.actions ? (
            <Table.Th>
              <VisuallyHidden>{columns.actions}</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{items.map(row)}</Table.Tbody>
    </Table>
  ) : null;
  return (
    <Stack maw={maw} gap={0}>
      <PageHeader title={title} description={description} actions={actions} />
      <ErrorAlert message={error} />
      {items === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : items.length === 0 && empty ? (
        <Paper withBorder radius="lg" p="xl" data-testid={empty.testId}>
          <Text c="dimmed" ta="center">
            {empty.text}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">{minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table}</Paper>
      )}
      {children}
    </Stack>
  );
}
