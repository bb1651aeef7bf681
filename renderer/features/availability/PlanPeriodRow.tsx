import { ActionIcon, Badge, Group, Text } from '@mantine/core';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { contract } from '../../../shared/contract';
import type { PlaceView, PlanPeriod } from '../../../shared/domain/listening';
import { SelectField } from '../../ui/fields';
import { Icon } from '../../ui/icons';
import { TimeField } from '../../ui/time-fields';

type PlanInput = z.input<(typeof contract)['availability.setPlan']['input']>;
type PlanOutput = z.output<(typeof contract)['availability.setPlan']['input']>;

interface Props {
  control: Control<PlanInput, unknown, PlanOutput>;
  index: number;
  kind: PlanPeriod['kind'];
  dayName: string;
  number: number;
  places: PlaceView[];
  onRemove(): void;
}

/** One period of the plan: work at a place, or a break (wherever she is), from a time to a time. */
export function PlanPeriodRow({ control, index, kind, dayName, number, places, onRemove }: Props) {
  const { t } = useTranslation();
  const names = { day: dayName, number };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="plan-period" data-kind={kind}>
      <Badge variant="light" color={kind === 'work' ? 'indigo' : 'orange'} tt="none" w={88} mt={8} style={{ flexShrink: 0 }}>
        {t(`availability.periodKinds.${kind}`)}
      </Badge>
      <TimeField control={control} name={`plan.${index}.starts`} aria-label={t(`availability.plan.${kind}StartsOn`, names)} w={120} />
      <Text pt={6} aria-hidden="true">
        –
      </Text>
      <TimeField control={control} name={`plan.${index}.ends`} aria-label={t(`availability.plan.${kind}EndsOn`, names)} w={120} />
      {kind === 'work' ? (
        <SelectField
          control={control}
          name={`plan.${index}.placeId`}
          numeric
          aria-label={t('availability.plan.placeOn', names)}
          data={places.map((p) => ({ value: String(p.id), label: p.name }))}
          allowDeselect={false}
          size="sm"
          w={320}
        />
      ) : null}
      <ActionIcon variant="subtle" color="gray" size="lg" mt={1} aria-label={t(`availability.plan.remove${kind === 'work' ? 'Work' : 'Break'}`, names)} onClick={onRemove}>
        <Icon name="x" />
      </ActionIcon>
    </Group>
  );
}
