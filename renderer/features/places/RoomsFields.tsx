import { ActionIcon, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useFieldArray, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { contract } from '../../../shared/contract';
import { fieldMessage } from '../../app/i18n';
import { CheckboxField, TextField } from '../../ui/fields';
import { Icon } from '../../ui/icons';

type PlaceInput = z.input<(typeof contract)['places.create']['input']>;
type PlaceOutput = z.output<(typeof contract)['places.create']['input']>;

const ROOMS_ERROR = 'place-rooms-error';

/**
 * A place's rooms, at least one. A room already saved is kept and may be set inactive (its
 * past sessions name it); one added here and not yet saved can be taken away again.
 */
export function RoomsFields({ control }: { control: Control<PlaceInput, unknown, PlaceOutput> }) {
  const { t } = useTranslation();
  // `key`: the rooms carry an `id` of their own, which the list must not overwrite.
  const { fields, append, remove } = useFieldArray({ control, name: 'rooms', keyName: 'key' });
  const { errors } = useFormState({ control, name: 'rooms' });
  const code = errors.rooms?.message ?? errors.rooms?.root?.message;
  const add = useRef<HTMLButtonElement>(null);

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="place-rooms">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="place-rooms">
            {t('places.rooms.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('places.rooms.hint')}
          </Text>
        </Stack>
        {fields.map((room, index) => (
          <Group key={room.key} gap="md" align="flex-end" wrap="nowrap" data-testid="room-row">
            <TextField
              control={control}
              name={`rooms.${index}.name`}
              label={t('places.rooms.name', { number: index + 1 })}
              withAsterisk
              maxLength={80}
              w={320}
            />
            {room.id === undefined ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mb={6}
                aria-label={t('places.rooms.remove', { number: index + 1 })}
                onClick={() => {
                  remove(index);
                  add.current?.focus();
                }}
              >
                <Icon name="x" />
              </ActionIcon>
            ) : (
              <CheckboxField control={control} name={`rooms.${index}.active`} label={t('places.rooms.active')} mb={12} />
            )}
          </Group>
        ))}
        <Group>
          <Button
            ref={add}
            variant="light"
            leftSection={<Icon name="plus" size={18} />}
            // Marked while there is no room: the form takes the focus here after a try.
            aria-invalid={code ? true : undefined}
            aria-describedby={code ? ROOMS_ERROR : undefined}
            onClick={() => append({ name: '', active: true }, { focusName: `rooms.${fields.length}.name` })}
          >
            {t('places.rooms.add')}
          </Button>
        </Group>
        {/* Under the button that mends it, as a field's error is under the field. */}
        {code ? (
          <Text size="sm" c="red.9" id={ROOMS_ERROR} role="alert" mt={-8}>
            {fieldMessage(t, code)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
