import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { errorMessage } from '../../app/i18n';
import { shortName, useCountryName } from './labels';

const ROW_HEIGHT = 48;

interface Props {
  items: VisitorListItem[];
  label: string;
  /** Called with ArrowUp on the first row: back to the search box. */
  onLeaveTop?(): void;
}

/**
 * Visitors as a table whose rows are drawn only where the eye is (hundreds of results
 * stay smooth). Names never appear here. The code of each row is a link: Tab or the
 * arrow keys move from row to row, Enter opens the profile. Memoised: a keystroke in the
 * search box does not draw the rows again, only a new answer does.
 */
function VisitorTable({ items, label, onLeaveTop }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const country = useCountryName();
  const format = useDeskFormat();
  const api = useApi();
  const scroller = useRef<HTMLDivElement>(null);
  /** Names shown on purpose, one row at a time; each showing is an audited read. */
  const [revealed, setRevealed] = useState<ReadonlyMap<number, string>>(new Map());

  const toggleName = async (event: MouseEvent, item: VisitorListItem) => {
    event.stopPropagation();
    if (revealed.has(item.id)) {
      setRevealed((current) => new Map([...current].filter(([id]) => id !== item.id)));
      return;
    }
    const result = await api.visitors.revealName({ id: item.id });
    if (!result.ok) {
      notify(t, 'error', errorMessage(t, result.error));
      return;
    }
    const full = [result.value.firstName, result.value.lastName].filter(Boolean).join(' ');
    setRevealed((current) => new Map(current).set(item.id, full || t('visitors.noNameRecorded')));
  };
  // The virtualizer's functions change with every scroll: this component is simply not memoised by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  const focusRow = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      const tryFocus = (attempt: number) => {
        const link = scroller.current?.querySelector<HTMLAnchorElement>(`[data-index="${index}"] a`);
        if (link) link.focus();
        else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      requestAnimationFrame(() => tryFocus(0));
    },
    [virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    const target =
      event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null;
    if (target === null) return;
    event.preventDefault();
    if (target < 0) return onLeaveTop?.();
    focusRow(Math.min(items.length - 1, target));
  };

  const headers = [t('visitors.table.code'), t('visitors.table.person'), t('visitors.table.sex'), t('visitors.table.age'), t('visitors.table.nationality'), t('visitors.table.lastActivity')];

  return (
    <div role="table" aria-label={label} aria-rowcount={items.length + 1} className="guichet-vtable" data-testid="visitor-table">
      <div role="rowgroup" className="guichet-vhead">
        <div role="row" aria-rowindex={1} className="guichet-vrow">
          {headers.map((header) => (
            <div role="columnheader" key={header}>
              {header}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scroller} className="guichet-vbody" data-testid="visitor-list">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            const name = shortName(item);
            return (
              <div
                role="row"
                aria-rowindex={row.index + 2}
                key={item.id}
                data-index={row.index}
                className="guichet-vrow guichet-vrow-item"
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                onClick={(event) => {
                  if (!(event.target as HTMLElement).closest('a')) navigate(`/visitors/${item.id}`);
                }}
              >
                <div role="cell">
                  <Link to={`/visitors/${item.id}`} className="guichet-vcode" dir="ltr" onKeyDown={(event) => onKeyDown(event, row.index)}>
                    {item.code}
                  </Link>
                </div>
                <div role="cell">
                  <Group gap={4} wrap="nowrap">
                    {revealed.has(item.id) ? (
                      <Text size="sm" fw={600} truncate data-testid="revealed-name">
                        <bdi>{revealed.get(item.id)}</bdi>
                      </Text>
                    ) : name ? (
                      <Text size="sm" fw={500} truncate>
                        <bdi>{name}</bdi>
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('visitors.noName')}
                      </Text>
                    )}
                    {item.anonymised ? null : (
                      <Tooltip label={t(revealed.has(item.id) ? 'visitors.hideName' : 'visitors.showName')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={t(revealed.has(item.id) ? 'visitors.hideNameOf' : 'visitors.showNameOf', { code: item.code })}
                          aria-pressed={revealed.has(item.id)}
                          onClick={(event) => void toggleName(event, item)}
                        >
                          <Icon name={revealed.has(item.id) ? 'eyeOff' : 'eye'} size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                  {item.anonymised ? (
                    <Badge size="xs" color="gray" variant="light" ms={6}>
                      {t('visitors.anonymisedBadge')}
                    </Badge>
                  ) : null}
                </div>
                <div role="cell">
                  <Text size="sm">{t(`sexes.${item.sex}`)}</Text>
                </div>
                <div role="cell">
                  <Text size="sm">{item.age === null ? '—' : t('visitors.age', { count: item.age })}</Text>
                </div>
                <div role="cell">
                  <Text size="sm" truncate>
                    {country(item.nationality) ?? '—'}
                  </Text>
                </div>
                <div role="cell">
                  <Text size="sm" c="dimmed">
                    {format.instant(item.lastActivityAt)}
                  </Text>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

export const VisitorList = memo(VisitorTable);
