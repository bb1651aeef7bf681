import { VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { SettledAnnouncer } from './settled-announcer';

interface Props {
  /** The status as the screen shows it; empty: nothing to say. */
  message: string;
  /** What the message answers (the query): the same count for a new query is said again. */
  answering: string;
}

/**
 * The search status for screen readers, politely and once typing has settled
 * (SettledAnnouncer). A no-break space toggled at the end makes a repeated message a
 * change of the live region, so that it is spoken again.
 */
export function SearchAnnouncement({ message, answering }: Props) {
  const [spoken, setSpoken] = useState({ text: '', bump: false });
  const announcer = useRef<SettledAnnouncer | null>(null);
  useEffect(() => {
    const current = new SettledAnnouncer((text) => setSpoken((previous) => ({ text, bump: !previous.bump })));
    announcer.current = current;
    return () => {
      current.close();
      announcer.current = null;
    };
  }, []);
  useEffect(() => {
    announcer.current?.show(message);
  }, [message, answering]);
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="visitor-search-announcement">
      {spoken.text}
      {spoken.bump ? '\u00A0' : ''}
    </VisuallyHidden>
  );
}
