import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/domain/childcare';

/** What a booking came to, said in words: a place, or her number on the waitlist; then Close. */
export function BookingAnswer({ answer, onClose }: { answer: BookingView; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color={answer.status === 'booked' ? 'green' : 'yellow'} variant="light" role="status" data-testid="booking-answer">
        {answer.status === 'waitlisted' ? t('childcare.book.waitlisted', { position: answer.position ?? 1 }) : t('childcare.book.booked')}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
