import { Alert } from '@mantine/core';
import { Icon } from './icons';

/** A form's or a page's error, announced to screen readers. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
      {message}
    </Alert>
  );
}
