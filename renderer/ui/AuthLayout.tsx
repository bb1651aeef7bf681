import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

/**
 * The frame of every screen shown without a session (setup, login, lock, recovery,
 * broken): the app's name, then one card.
 */
export function AuthLayout({ children, aside, width = 440 }: { children: ReactNode; aside?: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box className="guichet-auth-backdrop" mih="100vh" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Group justify="space-between" align="center" wrap="nowrap" className="no-print">
            <Group gap="xs" wrap="nowrap">
              <Box className="guichet-logo" aria-hidden="true">
                <Icon name="shield" size={26} />
              </Box>
              <div>
                <Title order={1} size="h3" lh={1.1}>
                  {t('app.name')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
            </Group>
            {aside}
          </Group>
          <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 32 }}>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
