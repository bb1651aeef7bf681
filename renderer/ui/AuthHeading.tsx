import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title and short explanation at the top of a login, lock, setup or recovery card. */
export function AuthHeading({ title, intro }: { title: ReactNode; intro: ReactNode }) {
  return (
    <div>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text c="dimmed" size="sm" mt={6}>
        {intro}
      </Text>
    </div>
  );
}
