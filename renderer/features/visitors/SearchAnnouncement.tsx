import { VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * How long the status must stay the same before it is spoken: GOV.UK's
 * accessible-autocomplete waits 1400 ms, so that the screen reader's echo of each typed
 * character is not cut short by a count that is about to change again.
 */
const SETTLE_MS = 1400;

interface Props {
  /** The status as the screen shows it; empty: nothing to say. */
  message: string;
  /** What the message answers (the query): the same count for a new query is said again. */
  answering: string;
}

/**
 * The search status for screen readers, once typing has settled. Results are painted at
 * every keystroke; a live region that changed as often would queue a count per key.
 * A no-break space toggled at the end makes a repeated message a change, so it is spoken.
 */
export function SearchAnnouncement({ message, answering }: Props) {
  const [spoken, setSpoken] = useState({ text: '', bump: false });
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setSpoken((previous) => ({ text: message, bump: !previous.bump })), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [message, answering]);
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="visitor-search-announcement">
      {spoken.text}
      {spoken.bump ? '\u00A0' : ''}
    </VisuallyHidden>
  );
}
