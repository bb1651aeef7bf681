import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { enrolmentSchema } from '../../../shared/contract/activities';
import type { ActivityDetail } from '../../../shared/domain/activities';
import { errorMessage } from '../../app/i18n';
import { useApi } from '../../app/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { useDeskFormat } from '../../ui/format';
import { notify } from '../../ui/notify';
import { VisitorPicker } from '../appointments/VisitorPicker';
import { BookChildrenAfterEnrolment } from '../childcare/BookChildrenAfterEnrolment';

/** Who is enrolled: a visitor found by search and enrolled (never past the capacity), or withdrawn. */
export function EnrolmentsSection({ activity, manages, onChanged }: { activity: ActivityDetail; manages: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const form = useContractForm(enrolmentSchema, { defaultValues: { activityId: activity.id, visitorId: undefined } });
  const submit = form.submitTo(
    (values) => api.activities.enrol(values),
    (enrolment) => {
      notify(t, 'success', t('activities.enrolments.enrolled', { visitor: enrolment.visitorLabel }));
      form.reset({ activityId: activity.id, visitorId: undefined });
      onChanged();
    },
  );
  const withdraw = async (visitorId: number) => {
    const result = await api.activities.withdraw({ activityId: activity.id, visitorId });
    if (!result.ok) return notify(t, 'error', errorMessage(t, result.error));
    notify(t, 'success', t('activities.enrolments.withdrawn', { visitor: result.value.visitorLabel }));
    onChanged();
  };
  const current = activity.enrolments.filter((e) => e.withdrawnAtWall === null);
  const past = activity.enrolments.filter((e) => e.withdrawnAtWall !== null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('activities.enrolments.title')}
      </Title>
      {manages && activity.active ? (
        <Form form={form} onSubmit={submit} testId="enrol-form">
          <Group align="flex-end" gap="sm">
            <div style={{ flex: 1, maxWidth: 420 }}>
              <VisitorPicker name="visitorId" control={form.control} label={t('activities.enrolments.visitor')} initial={null} />
            </div>
            <Button type="submit" loading={form.busy}>
              {t('activities.enrolments.enrol')}
            </Button>
          </Group>
          <ErrorAlert message={form.alert} />
        </Form>
      ) : null}
      <BookChildrenAfterEnrolment activityId={activity.id} enrolments={activity.enrolments} />
      <Paper withBorder radius="lg">
        {current.length === 0 && past.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" data-testid="enrolments-empty">
            {t('activities.enrolments.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="enrolments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activities.enrolments.visitor')}</Table.Th>
                <Table.Th>{t('activities.enrolments.since')}</Table.Th>
                <Table.Th>{t('activities.enrolments.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...current, ...past].map((e) => (
                <Table.Tr key={e.id} data-testid="enrolment-row">
                  <Table.Td>
                    <Text size="sm" fw={600} c={e.withdrawnAtWall ? 'dimmed' : undefined}>
                      <bdi>{e.visitorLabel}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {e.withdrawnAtWall
                        ? t('activities.enrolments.withdrawnOn', { at: format.wallMoment(e.withdrawnAtWall) })
                        : format.wallMoment(e.enrolledAtWall)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {manages && e.withdrawnAtWall === null ? (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        testId="withdraw"
                        question={{
                          title: t('activities.enrolments.withdrawOf', { visitor: e.visitorLabel }),
                          message: t('activities.enrolments.withdrawMessage'),
                          confirmLabel: t('activities.enrolments.withdraw'),
                        }}
                        onConfirm={() => withdraw(e.visitorId)}
                      >
                        {t('activities.enrolments.withdraw')}
                      </ConfirmButton>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
