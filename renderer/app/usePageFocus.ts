import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** Whether focus has found its place in the page: a field the page focused itself, or its heading. */
function placeFocus(root: HTMLElement): boolean {
  const active = document.activeElement;
  if (active && active !== document.body && active !== root && root.contains(active)) return true;
  const heading = root.querySelector<HTMLElement>('h1');
  if (!heading) return false;
  heading.focus();
  return true;
}

/**
 * After a page change, focus goes where the new page starts: a screen reader reads its
 * title and the next Tab is the page's first control, not the top of the navigation.
 * A page that focuses a field of its own (a form's first field, the search box) keeps it.
 * A page that loads its data first draws its heading later: it is awaited until the next
 * page change. The first page of a session leaves focus alone, so that the first Tab
 * reaches the skip link.
 */
export function usePageFocus(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const shown = useRef<string | null>(null);
  // Not disconnected on unmount: StrictMode's rehearsal of an unmount would stop the wait for good.
  const waiting = useRef<MutationObserver | null>(null);
  useEffect(() => {
    const root = main.current;
    if (!root || shown.current === pathname) return;
    const first = shown.current === null;
    shown.current = pathname;
    waiting.current?.disconnect();
    waiting.current = null;
    if (first || placeFocus(root)) return;
    const observer = new MutationObserver(() => {
      if (placeFocus(root)) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    waiting.current = observer;
  }, [pathname, main]);
}
