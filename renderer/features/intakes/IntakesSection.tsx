import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import type { IntakeView } from '../../../shared/domain/visitor-views';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { isolatedT } from '../../ui/isolated';

const URGENCY_COLOR = { low: 'gray', medium: 'yellow', high: 'red' } as const;

/**
 * What an intake shows depends on who looks, and the view already says so: the type
 * of violence reaches psychologists only; desk staff see that she was referred to the
 * listening unit; administrators, nothing clinical (not even the orientation).
 */
function Disclosure({ intake }: { intake: IntakeView }) {
  const { t } = useTranslation();
  if (intake.violenceType !== null) {
    return (
      <Badge color="grape" variant="light" tt="none" data-testid="intake-violence-type">
        {t('intakes.violenceType', { type: t(`violenceTypes.${intake.violenceType}.label`) })}
      </Badge>
    );
  }
  return null;
}

export function IntakesSection({ profile, canRecord }: { profile: VisitorProfile; canRecord: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useDeskFormat();
  const { intakes } = profile;

  return (
    <Stack gap="md">
      {canRecord ? (
        <Group>
          <Button leftSection={<Icon name="clipboard" size={18} />} onClick={() => navigate(`/visitors/${profile.visitor.id}/intake`)}>
            {t('intakes.new')}
          </Button>
        </Group>
      ) : null}
      {intakes.length === 0 ? (
        <Paper withBorder radius="lg" p="xl">
          <Text c="dimmed" ta="center">
            {t('intakes.empty')}
          </Text>
        </Paper>
      ) : (
        intakes.map((intake) => (
          <Paper key={intake.id} withBorder radius="lg" p="lg" data-testid="intake-card">
            <Stack gap="sm">
              <Group justify="space-between" gap="sm">
                <Group gap="sm">
                  <Text fw={650}>{t('intakes.of', { date: format.day(intake.visitDate) })}</Text>
                  <Badge color={URGENCY_COLOR[intake.urgency]} variant="light">
                    {t(`urgencies.${intake.urgency}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {isolatedT(t, 'intakes.recordedBy', { date: format.instant(intake.createdAt), by: intake.createdBy ?? '—' }, ['by'])}
                </Text>
              </Group>
              {intake.orientation === null ? (
                // An administrator only: the orientation would give a disclosure away. Say so, rather than show nothing.
                <Text size="sm" c="dimmed" data-testid="intake-orientation-hidden">
                  {t('intakes.orientationHidden')}
                </Text>
              ) : (
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t('intakes.orientation')}
                  </Text>
                  <Text size="sm" fw={500}>
                    {t(`orientations.${intake.orientation}`)}
                  </Text>
                  {intake.referredToListeningUnit ? (
                    <Badge color="indigo" variant="light" tt="none" data-testid="intake-listening-unit">
                      {t('intakes.referredToListeningUnit')}
                    </Badge>
                  ) : null}
                  <Disclosure intake={intake} />
                </Group>
              )}
              {intake.needs.length > 0 ? (
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    {t('intakes.needs')}
                  </Text>
                  {intake.needs.map((need) => (
                    <Badge key={need} variant="outline" color="indigo" tt="none">
                      {t(`needs.${need}`)}
                    </Badge>
                  ))}
                </Group>
              ) : null}
              {intake.vulnerabilities.length > 0 ? (
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    {t('intakes.vulnerabilities')}
                  </Text>
                  {intake.vulnerabilities.map((flag) => (
                    <Badge key={flag} variant="light" color="orange" tt="none">
                      {t(`vulnerabilities.${flag}`)}
                    </Badge>
                  ))}
                </Group>
              ) : null}
              {intake.deskNotes ? (
                <div>
                  <Text size="xs" c="dimmed">
                    {t('intakes.deskNotes')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {intake.deskNotes}
                  </Text>
                </div>
              ) : null}
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
}
