import { Button, Checkbox, Modal, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { pickUpSchema, type PickUpInput } from '../../../shared/contract/childcare';
import { requiredText, text } from '../../../shared/contract/common';
import { normalisePickupCode, PICKUP_CODE_ALPHABET, type BookingView, type ChildView } from '../../../shared/domain/childcare';
import { mayOverridePickUp } from '../../../shared/domain/policy';
import { TEXT_MAX } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RadioGroupField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';

/**
 * The pick-up form: the code as the adult reads it, and who she is, chosen from the child's
 * list (the mother first). A desk worker may let the child go without the code, or to
 * someone not on the list, with a reason. The contract's input, with the collector as one
 * choice of the radio group (`mother`, `adult:12`, `other`).
 */
const pickupFormSchema = pickUpSchema
  .pick({ bookingId: true })
  .extend({
    code: z.string().default(''),
    collector: z.string({ error: 'required' }).min(1, { error: 'required' }),
    otherName: text(120).nullable().default(null),
    override: z.boolean().default(false),
    overrideReason: text(TEXT_MAX).nullable().default(null),
  })
  .superRefine((form, context) => {
    const code = normalisePickupCode(form.code);
    if (code === '' && !form.override) context.addIssue({ code: 'custom', message: 'required', path: ['code'] });
    // Vowels and look-alikes (0 and O, 1 and I…) are never in a code: said before main is asked.
    if ([...code].some((c) => !PICKUP_CODE_ALPHABET.includes(c))) context.addIssue({ code: 'custom', message: 'childcare.codeLookAlike', path: ['code'] });
    if (form.override && !requiredText(TEXT_MAX).safeParse(form.overrideReason ?? '').success) context.addIssue({ code: 'custom', message: 'required', path: ['overrideReason'] });
    if (form.collector === 'other' && !requiredText(120).safeParse(form.otherName ?? '').success) context.addIssue({ code: 'custom', message: 'required', path: ['otherName'] });
  })
  .transform(
    (form): PickUpInput => ({
      bookingId: form.bookingId,
      code: form.code.trim() === '' ? null : normalisePickupCode(form.code),
      collector:
        form.collector === 'mother'
          ? { kind: 'mother' }
          : form.collector === 'other'
            ? { kind: 'other', name: form.otherName ?? '', relation: null }
            : { kind: 'authorised', adultId: Number(form.collector.slice('adult:'.length)) },
      overrideReason: form.override ? form.overrideReason : null,
    }),
  );

/** What the pick-up needs of a booking: which one, and whose list of adults. */
export type PickupTarget = Pick<BookingView, 'id' | 'childId'>;

export function PickupModal({ booking, childLabel, onClose, onPickedUp }: { booking: PickupTarget | null; childLabel: string; onClose(): void; onPickedUp(booking: BookingView): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={booking !== null} onClose={onClose} title={t('childcare.pickup.title', { child: childLabel })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {booking ? <PickupForm key={booking.id} booking={booking} onClose={onClose} onPickedUp={onPickedUp} /> : null}
    </Modal>
  );
}

function PickupForm({ booking, onClose, onPickedUp }: { booking: PickupTarget; onClose(): void; onPickedUp(booking: BookingView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const overrides = mayOverridePickUp(user.roles);
  const [child, setChild] = useState<ChildView | null>(null);
  const [refusal, setRefusal] = useState<{ text: string } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let current = true;
    void api.children.get({ id: booking.childId }).then((result) => {
      if (current && result.ok) setChild(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, booking.childId]);
  // Each refusal is read out and takes the focus, the form left as it was typed.
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const form = useContractForm(pickupFormSchema, { defaultValues: { bookingId: booking.id, code: '', collector: '', otherName: null, override: false, overrideReason: null } });
  const override = form.watch('override');
  const collector = form.watch('collector');
  const { field: overrideField } = useController({ control: form.control, name: 'override' });
  const submit = form.submitTo(
    async (values) => {
      setRefusal(null);
      const result = await api.childcare.pickUp(values);
      // The refusal is said above the button, where the focus goes, rather than on one field.
      return result.ok ? result : { ok: false as const, error: { code: result.error.code, params: result.error.params } };
    },
    onPickedUp,
    (error) => setRefusal({ text: errorMessage(t, error) }),
  );
  return (
    <Form form={form} onSubmit={submit} testId="pickup-form">
      <Stack gap="md">
        <TextField
          control={form.control}
          name="code"
          label={t('childcare.pickup.code')}
          description={t('childcare.pickup.codeHint')}
          normalise={(typed) => typed.toUpperCase()}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          w={220}
          styles={{ input: { fontSize: '1.5rem', letterSpacing: '0.2em', fontWeight: 700 } }}
          data-autofocus
        />
        <RadioGroupField control={form.control} name="collector" label={t('childcare.pickup.collector')} withAsterisk>
          <Stack gap="xs" mt="xs">
            <Radio value="mother" label={t('children.adults.mother')} />
            {child?.adults.map((adult) => (
              <Radio key={adult.id} value={`adult:${adult.id}`} label={`${adult.name} · ${t(`children.values.relations.${adult.relation}`)}`} />
            ))}
            {override ? <Radio value="other" label={t('childcare.pickup.someoneElse')} /> : null}
          </Stack>
        </RadioGroupField>
        {collector === 'other' && override ? <TextField control={form.control} name="otherName" blankAs={null} label={t('childcare.pickup.otherName')} withAsterisk maxLength={120} dir="auto" /> : null}
        {overrides ? (
          <Checkbox
            label={t('childcare.pickup.override')}
            description={t('childcare.pickup.overrideHint')}
            checked={overrideField.value === true}
            onChange={(event) => overrideField.onChange(event.currentTarget.checked)}
          />
        ) : null}
        {override ? <TextareaField control={form.control} name="overrideReason" blankAs={null} label={t('childcare.pickup.reason')} withAsterisk autosize minRows={2} dir="auto" /> : null}
        {refusal ? (
          <div ref={refusalRef} tabIndex={-1} data-testid="pickup-refusal">
            <ErrorAlert message={refusal.text} />
          </div>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('childcare.pickup.recorded')}
        </Text>
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('childcare.pickup.submit')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}

