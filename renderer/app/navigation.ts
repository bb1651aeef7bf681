import { hasRole, type Role, type SessionUser } from '../../shared/domain/accounts';
import type { IconName } from '../ui/icons';

export interface Destination {
  path: string;
  /** Under `nav.` (its name) and `navDescriptions.` (what it is for). */
  key: 'home' | 'visitors' | 'followUps' | 'partners' | 'account' | 'users' | 'anonymisation' | 'audit' | 'settings';
  icon: IconName;
  /** Who may go there; everyone with a session when absent. */
  roles?: readonly Role[];
}

const STAFF: readonly Role[] = ['desk', 'psychologist', 'admin'];

/** Where a session can go. Features added later (sessions, childcare, kits...) add their line here. */
export const DESTINATIONS: readonly Destination[] = [
  { path: '/', key: 'home', icon: 'home' },
  { path: '/visitors', key: 'visitors', icon: 'id', roles: STAFF },
  { path: '/follow-ups', key: 'followUps', icon: 'calendarCheck', roles: STAFF },
  { path: '/partners', key: 'partners', icon: 'building', roles: STAFF },
  { path: '/account', key: 'account', icon: 'user' },
  { path: '/users', key: 'users', icon: 'users', roles: ['admin'] },
  { path: '/anonymisation', key: 'anonymisation', icon: 'eraser', roles: ['admin'] },
  { path: '/audit', key: 'audit', icon: 'list', roles: ['admin'] },
  { path: '/settings', key: 'settings', icon: 'settings', roles: ['admin'] },
];

export function mayGo(user: SessionUser, destination: Destination): boolean {
  return !destination.roles || destination.roles.some((role) => hasRole(user, role));
}

export function destinationsFor(user: SessionUser): Destination[] {
  return DESTINATIONS.filter((destination) => mayGo(user, destination));
}

/** Who may register visitors, record consents and intakes (the contract's `desk` procedures). */
export function worksAtDesk(user: SessionUser): boolean {
  return hasRole(user, 'desk') || hasRole(user, 'psychologist');
}
