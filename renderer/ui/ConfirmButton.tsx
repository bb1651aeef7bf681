import { Button, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ConfirmModal } from './ConfirmModal';

interface Props extends ButtonProps {
  children: ReactNode;
  /** What the question says: its title, what will be lost, the button that goes ahead. */
  question: { title: string; message: string; confirmLabel: string };
  onConfirm(): void | Promise<void>;
  testId?: string;
}

/**
 * A button whose act throws work away: it asks first, with Cancel under the focus, so
 * that no single keystroke loses a form.
 */
export function ConfirmButton({ children, question, onConfirm, testId, ...button }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <Button {...button} onClick={() => setAsking(true)} data-testid={testId}>
        {children}
      </Button>
      <ConfirmModal
        opened={asking}
        title={question.title}
        message={question.message}
        confirmLabel={question.confirmLabel}
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
