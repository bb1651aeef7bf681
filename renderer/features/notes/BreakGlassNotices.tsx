import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakGlassNotice } from '../../../shared/domain/notes';
import { mayCall } from '../../../shared/contract/access';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';

/**
 * Shown to an author when her session opens: an administrator, with the recovery key,
 * gave a colleague her notes about a visitor. She acknowledges each one; it stays until then.
 */
export function BreakGlassNotices() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const { user } = useSession();
  const [notices, setNotices] = useState<BreakGlassNotice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const allowed = mayCall(user, 'notes.notices');
  useEffect(() => {
    if (!allowed) return;
    let current = true;
    void api.notes.notices({}).then((result) => {
      if (current && result.ok) setNotices(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, allowed, user.id]);

  const acknowledge = async (id: number) => {
    const result = await api.notes.acknowledgeNotice({ id });
    if (!result.ok) return setError(errorMessage(t, result.error));
    setNotices((list) => list.filter((n) => n.id !== id));
  };

  return (
    <Modal
      opened={notices.length > 0}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('notes.notice.title')}
      size="lg"
    >
      <Stack gap="md" data-testid="break-glass-notices">
        <Text size="sm">{t('notes.notice.explain')}</Text>
        {notices.map((notice, index) => (
          <Paper key={notice.id} withBorder radius="md" p="md">
            <Stack gap={6}>
              <Text fw={600}>
                {t('notes.notice.what', { code: notice.visitorCode, recipient: notice.recipient.displayName, by: notice.grantedBy.displayName, at: format.instant(notice.grantedAt) })}
              </Text>
              <Text size="sm">{t('notes.notice.reason')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {notice.reason}
              </Text>
              <Group justify="flex-end">
                <Button size="sm" onClick={() => void acknowledge(notice.id)} data-autofocus={index === 0 ? true : undefined}>
                  {t('notes.notice.acknowledge')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <ErrorAlert message={error} />
      </Stack>
    </Modal>
  );
}
