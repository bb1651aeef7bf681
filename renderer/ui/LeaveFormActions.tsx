import { Button, Group } from '@mantine/core';
import { ConfirmButton } from './ConfirmButton';
import { Icon } from './icons';

interface Props {
  backLabel: string;
  onBack(): void;
  abandonLabel: string;
  /** What the question says before the form is thrown away. */
  question: { title: string; message: string; confirmLabel: string };
  onAbandon(): void | Promise<void>;
  testId: string;
}

/**
 * A form page's ways out, in its header: back (the draft stays) and abandon. Up here, away
 * from the submit button, and abandoning asks first: one keystroke never throws a form away.
 */
export function LeaveFormActions({ backLabel, onBack, abandonLabel, question, onAbandon, testId }: Props) {
  return (
    <Group gap="xs">
      <Button variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} onClick={onBack}>
        {backLabel}
      </Button>
      <ConfirmButton variant="subtle" color="red" question={question} onConfirm={onAbandon} testId={testId}>
        {abandonLabel}
      </ConfirmButton>
    </Group>
  );
}
