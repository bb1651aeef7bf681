import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/domain/visitor-views';
import { VisitorFacts } from './VisitorFacts';

interface Props {
  candidates: DuplicateCandidate[] | null;
  busy: boolean;
  onOpen(visitorId: number): void;
  onRegisterAnyway(): void;
  onClose(): void;
}

/** Before a registration: people already known who look alike, and why. */
export function DuplicatesModal({ candidates, busy, onOpen, onRegisterAnyway, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={candidates !== null}
      onClose={onClose}
      title={t('duplicates.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="duplicates">
        <Text size="sm">{t('duplicates.intro', { count: candidates?.length ?? 0 })}</Text>
        {(candidates ?? []).map((candidate) => (
          <Paper key={candidate.visitor.id} withBorder radius="md" p="sm" data-testid="duplicate-candidate">
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Stack gap={6}>
                <VisitorFacts visitor={candidate.visitor} />
                <Group gap={6}>
                  {candidate.reasons.map((reason) => (
                    <Badge key={reason} variant="light" color="orange" tt="none">
                      {t(`duplicates.reasons.${reason}`)}
                    </Badge>
                  ))}
                </Group>
              </Stack>
              <Button size="xs" variant="light" onClick={() => onOpen(candidate.visitor.id)} style={{ flex: 'none' }}>
                {t('duplicates.open')}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('duplicates.back')}
          </Button>
          <Button onClick={onRegisterAnyway} loading={busy}>
            {t('duplicates.registerAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
