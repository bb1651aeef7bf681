/** What the visitors' search hooks share: what they ask for and what they hand the page. */
import type { VisitorListItem } from '../../../shared/domain/visitor-views';

/** The most rows a search lists (the contract's own maximum). */
export const SEARCH_LIMIT = 500;
/** What a keystroke asks for: more than a tall screen shows, few enough to come back at once. */
export const FIRST_ROWS = 50;
/** What the empty box lists: the people seen lately. */
export const RECENT_LIMIT = 50;

/** What the results region shows; `query` is the text it answers ('' for recent activity). */
export type Listing =
  | { kind: 'loading' }
  | { kind: 'recent'; query: ''; items: VisitorListItem[] }
  | { kind: 'tooShort'; query: string }
  | { kind: 'results'; query: string; items: VisitorListItem[]; more: boolean };

export interface VisitorSearch {
  listing: Listing;
  error: string | null;
  /** Called with the box's text at every change. */
  search(text: string): void;
}
