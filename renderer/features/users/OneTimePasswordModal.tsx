import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserWithOneTimePassword } from '../../../shared/contract/users';
import { Icon } from '../../ui/icons';
import { Secret } from '../../ui/Secret';

/** The one-time password, shown once, with what to do with it. */
export function OneTimePasswordModal({ issued, onClose }: { issued: UserWithOneTimePassword | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={issued !== null}
      onClose={onClose}
      title={t('users.otp.title')}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {issued ? (
        <Stack gap="md">
          <Text size="sm">{t('users.otp.intro', { name: issued.user.displayName, login: issued.user.login })}</Text>
          <Secret value={issued.oneTimePassword} layout="inline" testId="one-time-password" />
          <List type="ordered" spacing={4} size="sm">
            <List.Item>{t('users.otp.step1')}</List.Item>
            <List.Item>{t('users.otp.step2')}</List.Item>
            <List.Item>{t('users.otp.step3')}</List.Item>
          </List>
          <Alert color="orange" variant="light" icon={<Icon name="alert" />}>
            {t('users.otp.once')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('users.otp.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
