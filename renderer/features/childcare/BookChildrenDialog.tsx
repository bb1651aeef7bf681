import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { ActivityDetail, ActivityView } from '../../../shared/domain/activities';
import type { ActivityBookingOutcome, ChildView } from '../../../shared/domain/childcare';
import { isErrorCode } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxGroupField, SelectField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { useDeskFormat } from '../../ui/format';
import { ModalActions } from '../../ui/ModalActions';
import { wallDay, wallTime } from '../appointments/wall';
import { ageLabel, childName } from '../children/labels';

interface Props {
  opened: boolean;
  motherId: number;
  /** The activity she was just enrolled in; null: the desk chooses it. */
  activityId: number | null;
  onClose(): void;
}

/**
 * Her children booked into the childcare of every session of an activity she attends, at
 * once: one answer per child and session (booked, waitlisted at a place, or refused and why).
 */
export function BookChildrenDialog({ opened, motherId, activityId, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('childcare.forActivity.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <BookChildren motherId={motherId} activityId={activityId} onClose={onClose} /> : null}
    </Modal>
  );
}

/** The contract's input, with the children as the checkboxes hold them (their ids as text). */
const bookChildrenSchema = contract['childcare.bookForActivity'].input.extend({
  childIds: z
    .array(z.string())
    .min(1, { error: 'childcare.noChildChosen' })
    .transform((ids) => ids.map(Number)),
});

function BookChildren({ motherId, activityId, onClose }: { motherId: number; activityId: number | null; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [children, setChildren] = useState<ChildView[] | null>(null);
  const [activities, setActivities] = useState<ActivityView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<{ list: ActivityBookingOutcome[]; activity: ActivityDetail | null } | null>(null);
  useEffect(() => {
    let current = true;
    void api.children.ofMother({ visitorId: motherId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setChildren(result.value.filter((c) => !c.anonymised));
    });
    if (activityId === null) {
      void api.activities.list({}).then((result) => {
        if (current && result.ok) setActivities(result.value);
      });
    }
    return () => {
      current = false;
    };
  }, [api, motherId, activityId, t]);

  const form = useContractForm(bookChildrenSchema, { defaultValues: { activityId: activityId ?? undefined, childIds: [] } });
  // Every child offered at once: the desk unticks one who stays with her.
  const { setValue } = form;
  useEffect(() => {
    if (children) setValue('childIds', children.map((c) => String(c.id)));
  }, [children, setValue]);
  const submit = form.submitTo(
    (values) => api.childcare.bookForActivity(values),
    async (list, values) => {
      const detail = await api.activities.get({ id: values.activityId });
      setOutcomes({ list, activity: detail.ok ? detail.value : null });
    },
  );

  if (outcomes && children) return <Outcomes outcomes={outcomes.list} activity={outcomes.activity} family={children} onClose={onClose} />;
  return (
    <Form form={form} onSubmit={submit} testId="book-children-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('childcare.forActivity.hint')}
        </Text>
        <ErrorAlert message={error} />
        {activityId === null ? (
          <SelectField
            control={form.control}
            name="activityId"
            numeric
            label={t('childcare.forActivity.activity')}
            data={activities.map((a) => ({ value: String(a.id), label: a.title }))}
            withAsterisk
            searchable
          />
        ) : null}
        {children ? (
          <CheckboxGroupField control={form.control} name="childIds" label={t('childcare.forActivity.children')} withAsterisk>
            <Stack gap="xs" mt="xs">
              {children.map((child) => (
                <Checkbox key={child.id} value={String(child.id)} label={`${childName(t, child, children)} · ${ageLabel(t, child.ageMonths)}`} />
              ))}
            </Stack>
          </CheckboxGroupField>
        ) : null}
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('childcare.forActivity.submit')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}

const OUTCOME_COLOURS = { booked: 'green', waitlisted: 'yellow', refused: 'red' } as const;

function Outcomes({ outcomes, activity, family, onClose }: { outcomes: ActivityBookingOutcome[]; activity: ActivityDetail | null; family: ChildView[]; onClose(): void }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const when = (sessionId: number) => {
    const session = activity?.sessions.find((s) => s.id === sessionId);
    return session ? `${format.day(wallDay(session.startsWall))} · ${wallTime(session.startsWall)}–${wallTime(session.endsWall)}` : '';
  };
  return (
    <Stack gap="md">
      <Table verticalSpacing="xs" data-testid="booking-outcomes">
        <Table.Caption>{t('childcare.forActivity.outcomes')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('childcare.forActivity.session')}</Table.Th>
            <Table.Th>{t('children.list.child')}</Table.Th>
            <Table.Th>{t('childcare.forActivity.answer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcomes.map((o) => {
            const child = family.find((c) => c.id === o.childId);
            return (
              <Table.Tr key={`${o.childId}-${o.sessionId}`} data-testid="booking-outcome">
                <Table.Td>
                  <Text size="sm" className="guichet-nowrap">
                    <bdi dir="ltr">{when(o.sessionId)}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <bdi>{child ? childName(t, child, family) : ''}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[o.outcome]} variant="light" tt="none">
                    {o.outcome === 'waitlisted' ? t('childcare.booking.waitlistedAt', { position: o.position ?? 1 }) : t(`childcare.values.bookingOutcomes.${o.outcome}`)}
                  </Badge>
                  {o.outcome === 'refused' && isErrorCode(o.reason) ? (
                    <Text size="sm" mt={4}>
                      {errorMessage(t, { code: o.reason, params: o.params ?? undefined })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
