import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** `title` may hold a name inside a sentence (`isolatedT`). */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md">
      <Stack gap={4}>
        {/* Focusable by the script alone: focus lands here after a page change (usePageFocus). */}
        <Title order={1} size="h2" tabIndex={-1}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm" maw={720}>
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
