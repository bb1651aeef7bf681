import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';

interface Props {
  value: string;
  /**
   * `grid`: numbered groups, four to a row (the recovery key: groups are asked back by
   * number, and dashes do not matter when it is typed). `inline`: one line joined by
   * dashes, exactly as it must be typed (a one-time password).
   */
  layout: 'grid' | 'inline';
  testId?: string;
}

/** A secret shown once: large, monospaced, in groups, always left to right (even in Arabic). */
export function Secret({ value, layout, testId }: Props) {
  const groups = value.split('-');
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" dir="ltr" data-testid={testId}>
      {layout === 'grid' ? (
        <SimpleGrid cols={4} spacing="md" verticalSpacing="sm" maw={520} mx="auto">
          {groups.map((group, index) => (
            <Stack key={index} gap={0} align="center">
              <Text size="xs" c="dimmed" aria-hidden="true">
                {index + 1}
              </Text>
              <Text className="guichet-secret" component="span" data-group={index + 1}>
                {group}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      ) : (
        <Group justify="center" gap={6} wrap="nowrap">
          {groups.map((group, index) => (
            <Fragment key={index}>
              {index > 0 ? (
                <Text className="guichet-secret guichet-secret-dash" component="span">
                  -
                </Text>
              ) : null}
              <Text className="guichet-secret" component="span" data-group={index + 1}>
                {group}
              </Text>
            </Fragment>
          ))}
        </Group>
      )}
    </Paper>
  );
}
