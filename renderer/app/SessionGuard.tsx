import { useHotkeys } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useDesk, useSession } from './desk';
import { useIdleLock } from './useIdleLock';

/** Around every screen of an open session: the idle lock and the Ctrl+L shortcut, even inside a field. */
export function SessionGuard({ children }: { children: ReactNode }) {
  const { lock } = useDesk();
  const { idleLockMinutes } = useSession();
  useIdleLock(idleLockMinutes, () => lock('idle'));
  useHotkeys([['mod+L', () => lock('shortcut'), { preventDefault: true }]], []);
  return children;
}
