import { Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/calendar';
import type { BookingView, ChildView, SlotView } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { useDeskFormat } from '../../ui/format';
import { ModalActions } from '../../ui/ModalActions';
import { useDeskClock } from '../../app/useDeskClock';
import { wallDay } from '../appointments/wall';
import { BookingAnswer } from './BookingAnswer';
import { ageRangeLabel, slotPlace, slotTimes } from './labels';
import { usePlaces } from './usePlaces';

const isolated = (text: string) => `\u2068${text}\u2069`;
const ltr = (text: string) => `\u2066${text}\u2069`;

/** How far ahead a child is booked from her mother's profile: the next two weeks' slots. */
const DAYS_AHEAD = 14;

/** A child booked into one slot: booked, or on the waitlist with her place in it, or refused in plain words. */
export function BookChildDialog({ child, childLabel, onClose }: { child: ChildView | null; childLabel: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={child !== null} onClose={onClose} title={t('childcare.book.title', { child: childLabel })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {child ? <BookChild key={child.id} child={child} onClose={onClose} /> : null}
    </Modal>
  );
}

const bookSchema = contract['childcare.book'].input;

function BookChild({ child, onClose }: { child: ChildView; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const places = usePlaces();
  const today = useDeskClock()?.today ?? null;
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [answer, setAnswer] = useState<BookingView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (today === null) return;
    let current = true;
    void api.childcare.slots({ from: today, to: addDays(today, DAYS_AHEAD) }).then((result) => {
      if (current && result.ok) setSlots(result.value.filter((s) => !s.cancelled));
    });
    return () => {
      current = false;
    };
  }, [api, today]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const form = useContractForm(bookSchema, { defaultValues: { childId: child.id, slotId: undefined } });
  const submit = form.submitTo(
    (values) => {
      setRefusal(null);
      return api.childcare.book(values);
    },
    (booking) => setAnswer(booking),
    (error) => setRefusal(errorMessage(t, error)),
  );
  const choices = (slots ?? []).map((slot) => ({
    value: String(slot.id),
    // A list's option is plain text: each part isolated (times left to right) so that none drags the others in Arabic.
    label: [isolated(format.day(wallDay(slot.startsWall))), ltr(slotTimes(slot)), isolated(slotPlace(slot, places)), isolated(ageRangeLabel(t, slot)), slot.activityTitle ? isolated(slot.activityTitle) : '', isolated(t('childcare.slots.freeCount', { count: slot.free }))]
      .filter(Boolean)
      .join(' · '),
  }));

  if (answer) return <BookingAnswer answer={answer} onClose={onClose} />;
  return (
    <Form form={form} onSubmit={submit} testId="book-child-form">
      <Stack gap="md">
        <SelectField control={form.control} name="slotId" numeric label={t('childcare.book.slot')} description={t('childcare.book.slotHint')} data={choices} withAsterisk searchable nothingFoundMessage={t('childcare.book.noSlots')} />
        {slots && slots.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('childcare.book.noSlots')}
          </Text>
        ) : null}
        {refusal ? (
          <div ref={refusalRef} tabIndex={-1} data-testid="booking-refusal">
            <ErrorAlert message={refusal} />
          </div>
        ) : (
          <ErrorAlert message={form.alert} />
        )}
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('childcare.book.submit')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
