import { mayCall } from '../../shared/contract/access';
import type { ProcedureName } from '../../shared/contract';
import type { SessionUser } from '../../shared/domain/accounts';
import type { IconName } from '../ui/icon-paths';

export interface Destination {
  path: string;
  /** Under `nav.` (its name) and `navDescriptions.` (what it is for). */
  key: 'home' | 'visitors' | 'followUps' | 'partners' | 'account' | 'users' | 'anonymisation' | 'audit' | 'settings' | 'notesAccess';
  icon: IconName;
  /** The call the page opens with: whoever may make it may go there (the contract decides, not a list here). */
  opens: ProcedureName;
}

/** Where a session can go. Features added later (sessions, childcare, kits...) add their line here. */
export const DESTINATIONS: readonly Destination[] = [
  { path: '/', key: 'home', icon: 'home', opens: 'account.me' },
  { path: '/visitors', key: 'visitors', icon: 'id', opens: 'visitors.search' },
  { path: '/follow-ups', key: 'followUps', icon: 'calendarCheck', opens: 'referrals.followUpsDue' },
  { path: '/partners', key: 'partners', icon: 'building', opens: 'partners.list' },
  { path: '/account', key: 'account', icon: 'user', opens: 'account.me' },
  { path: '/users', key: 'users', icon: 'users', opens: 'users.list' },
  { path: '/anonymisation', key: 'anonymisation', icon: 'eraser', opens: 'visitors.retentionCandidates' },
  { path: '/audit', key: 'audit', icon: 'list', opens: 'audit.list' },
  { path: '/settings', key: 'settings', icon: 'settings', opens: 'settings.update' },
  { path: '/notes-access', key: 'notesAccess', icon: 'key', opens: 'notes.closedAccounts' },
];

export function mayGo(user: SessionUser, destination: Destination): boolean {
  return mayCall(user, destination.opens);
}

export function destinationsFor(user: SessionUser): Destination[] {
  return DESTINATIONS.filter((destination) => mayGo(user, destination));
}

/** Who may register visitors, record consents and intakes. */
export function worksAtDesk(user: SessionUser): boolean {
  return mayCall(user, 'visitors.register');
}
