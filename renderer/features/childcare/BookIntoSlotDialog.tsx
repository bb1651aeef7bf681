import { Button, Modal, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { visitorId } from '../../../shared/contract/common';
import type { BookingView, ChildView, SlotView } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';
import { VisitorPicker } from '../appointments/VisitorPicker';
import { ageLabel, childName } from '../children/labels';
import { BookingAnswer } from './BookingAnswer';
import { slotTimes } from './labels';

/** The contract's booking, with the mother whose children the desk chooses from. */
const bookIntoSlotSchema = contract['childcare.book'].input.extend({ motherId: visitorId });

/** From a slot: a mother found by her code or name, one of her children, booked (or waitlisted, or refused in words). */
export function BookIntoSlotDialog({ slot, onClose, onBooked }: { slot: SlotView | null; onClose(): void; onBooked(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={slot !== null} onClose={onClose} title={slot ? t('childcare.bookIntoSlot.title', { time: slotTimes(slot) }) : ''} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {slot ? <BookIntoSlot key={slot.id} slot={slot} onClose={onClose} onBooked={onBooked} /> : null}
    </Modal>
  );
}

function BookIntoSlot({ slot, onClose, onBooked }: { slot: SlotView; onClose(): void; onBooked(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [children, setChildren] = useState<ChildView[]>([]);
  const [answer, setAnswer] = useState<BookingView | null>(null);
  const [refusal, setRefusal] = useState<{ text: string } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const form = useContractForm(bookIntoSlotSchema, { defaultValues: { motherId: undefined, childId: undefined, slotId: slot.id } });
  const motherId = form.watch('motherId');
  const { setValue, resetField } = form;
  useEffect(() => {
    if (!motherId) return;
    let current = true;
    void api.children.ofMother({ visitorId: motherId }).then((result) => {
      if (!current || !result.ok) return;
      const bookable = result.value.filter((c) => !c.anonymised);
      setChildren(bookable);
      // One child: she is the one; several: the desk chooses.
      if (bookable.length === 1) setValue('childId', bookable[0].id);
      else resetField('childId');
    });
    return () => {
      current = false;
    };
  }, [api, motherId, setValue, resetField]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);
  const submit = form.submitTo(
    ({ childId, slotId }) => {
      setRefusal(null);
      return api.childcare.book({ childId, slotId });
    },
    (booking) => {
      setAnswer(booking);
      onBooked();
    },
    (error) => setRefusal({ text: errorMessage(t, error) }),
  );
  if (answer) return <BookingAnswer answer={answer} onClose={onClose} />;
  return (
    <Form form={form} onSubmit={submit} testId="book-into-slot-form">
      <Stack gap="md">
        <VisitorPicker control={form.control} name="motherId" label={t('childcare.bookIntoSlot.mother')} initial={null} />
        <SelectField
          control={form.control}
          name="childId"
          numeric
          label={t('childcare.bookIntoSlot.child')}
          data={children.map((c) => ({ value: String(c.id), label: `${childName(t, c, children)} · ${ageLabel(t, c.ageMonths)}` }))}
          withAsterisk
          disabled={!motherId}
        />
        {refusal ? (
          <div ref={refusalRef} tabIndex={-1} data-testid="booking-refusal">
            <ErrorAlert message={refusal.text} />
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
