import { ActionIcon, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useFieldArray, useFormContext, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGE_UNITS } from '../../../shared/domain/childcare';
import type { PlaceView } from '../../../shared/domain/listening';
import { NumberField, SelectField } from '../../ui/fields';
import { Icon } from '../../ui/icons';

/** What both slot forms hold: where, how many, which ages, the staff ratios. */
interface Terms {
  placeId: number;
  roomId: number | null;
  capacity: number;
  ageUnit: (typeof AGE_UNITS)[number];
  minAge: number;
  maxAge: number;
  ratios?: { minAge: number; maxAge: number; childrenPerStaff: number }[];
}

/** A slot's place, capacity, age range and ratios, in the form around them (both slot forms hold these fields). */
export function SlotTermsFields({ places }: { places: PlaceView[] }) {
  const { t } = useTranslation();
  const terms = useFormContext<Terms>().control;
  const placeId = useWatch({ control: terms, name: 'placeId' });
  const ageUnit = useWatch({ control: terms, name: 'ageUnit' });
  const rooms = places.find((p) => p.id === placeId)?.rooms.filter((r) => r.active) ?? [];
  const unit = ageUnit ? t(`childcare.values.ageUnits.${ageUnit}`) : '';
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-start" grow>
        <SelectField control={terms} name="placeId" numeric label={t('childcare.slotForm.place')} data={places.filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.name }))} withAsterisk />
        <SelectField control={terms} name="roomId" numeric label={t('childcare.slotForm.room')} data={rooms.map((r) => ({ value: String(r.id), label: r.name }))} clearable />
      </Group>
      <Group gap="md" align="flex-start">
        <NumberField control={terms} name="capacity" blankAs={undefined} label={t('childcare.slotForm.capacity')} description={t('childcare.slotForm.capacityHint')} withAsterisk allowDecimal={false} w={200} />
        <SelectField
          control={terms}
          name="ageUnit"
          label={t('childcare.slotForm.ageUnit')}
          data={AGE_UNITS.map((u) => ({ value: u, label: t(`childcare.values.ageUnits.${u}`) }))}
          withAsterisk
          allowDeselect={false}
          w={140}
        />
        <NumberField control={terms} name="minAge" blankAs={undefined} label={t('childcare.slotForm.minAge', { unit })} withAsterisk allowDecimal={false} min={0} w={140} />
        <NumberField control={terms} name="maxAge" blankAs={undefined} label={t('childcare.slotForm.maxAge', { unit })} withAsterisk allowDecimal={false} min={0} w={140} />
      </Group>
      <RatioFields control={terms} unit={unit} />
    </Stack>
  );
}

/** Optional: how many children one person looks after, by age band (the board counts the staff needed). */
function RatioFields({ control, unit }: { control: Control<Terms, unknown, unknown>; unit: string }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'ratios', keyName: 'key' });
  const add = useRef<HTMLButtonElement>(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="slot-ratios">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h5" id="slot-ratios">
            {t('childcare.slotForm.ratios')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('childcare.slotForm.ratiosHint')}
          </Text>
        </Stack>
        {fields.map((band, index) => (
          <Group key={band.key} gap="sm" align="flex-start" wrap="nowrap" data-testid="ratio-row">
            <NumberField control={control} name={`ratios.${index}.minAge`} blankAs={undefined} label={t('childcare.slotForm.minAge', { unit })} allowDecimal={false} min={0} w={130} />
            <NumberField control={control} name={`ratios.${index}.maxAge`} blankAs={undefined} label={t('childcare.slotForm.maxAge', { unit })} allowDecimal={false} min={0} w={130} />
            <NumberField control={control} name={`ratios.${index}.childrenPerStaff`} blankAs={undefined} label={t('childcare.slotForm.childrenPerStaff')} allowDecimal={false} min={1} w={200} />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mt={26}
              aria-label={t('childcare.slotForm.removeRatio', { number: index + 1 })}
              onClick={() => {
                remove(index);
                add.current?.focus();
              }}
            >
              <Icon name="x" />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button ref={add} variant="light" size="compact-sm" leftSection={<Icon name="plus" size={16} />} onClick={() => append({ minAge: 0, maxAge: 0, childrenPerStaff: 4 }, { focusName: `ratios.${fields.length}.minAge` })}>
            {t('childcare.slotForm.addRatio')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
