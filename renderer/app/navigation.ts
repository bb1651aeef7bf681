import { mayCall } from '../../shared/contract/access';
import type { ProcedureName } from '../../shared/contract';
import type { SessionUser } from '../../shared/domain/accounts';
import { mayPlanFor } from '../../shared/domain/policy';
import type { IconName } from '../ui/icon-paths';

export interface Destination {
  path: string;
  /** Under `nav.` (its name) and `navDescriptions.` (what it is for). */
  key:
    | 'home'
    | 'visitors'
    | 'followUps'
    | 'schedule'
    | 'today'
    | 'myDay'
    | 'calls'
    | 'childcare'
    | 'reassign'
    | 'partners'
    | 'activities'
    | 'events'
    | 'myHours'
    | 'account'
    | 'users'
    | 'places'
    | 'sessionKinds'
    | 'activityKinds'
    | 'interpreters'
    | 'teamHours'
    | 'anonymisation'
    | 'audit'
    | 'settings'
    | 'backups'
    | 'notesAccess';
  icon: IconName;
  /** The call the page opens with: whoever may make it may go there (the contract decides, not a list here). */
  opens: ProcedureName;
  /**
   * Where the call is open to several roles but the page is about whose work it is (her
   * own hours, or everyone's): the rule main applies to the same call, from the contract or the policy.
   */
  for?: (user: SessionUser) => boolean;
}

/** Where a session can go. Features added later (sessions, childcare, kits...) add their line here. */
export const DESTINATIONS: readonly Destination[] = [
  { path: '/', key: 'home', icon: 'home', opens: 'account.me' },
  { path: '/visitors', key: 'visitors', icon: 'id', opens: 'visitors.search' },
  { path: '/follow-ups', key: 'followUps', icon: 'calendarCheck', opens: 'referrals.followUpsDue' },
  { path: '/today', key: 'today', icon: 'clock', opens: 'appointments.setStatus' },
  { path: '/my-day', key: 'myDay', icon: 'clock', opens: 'appointments.myDay' },
  { path: '/appointments', key: 'schedule', icon: 'calendarCheck', opens: 'appointments.range' },
  { path: '/calls', key: 'calls', icon: 'phone', opens: 'appointments.reminders' },
  { path: '/childcare', key: 'childcare', icon: 'babyCarriage', opens: 'childcare.slots' },
  { path: '/reassign', key: 'reassign', icon: 'switchUser', opens: 'appointments.toReassign' },
  { path: '/partners', key: 'partners', icon: 'building', opens: 'partners.list' },
  { path: '/activities', key: 'activities', icon: 'users', opens: 'activities.list' },
  { path: '/events', key: 'events', icon: 'calendarCheck', opens: 'events.list' },
  { path: '/my-hours', key: 'myHours', icon: 'clock', opens: 'availability.setPlan', for: hasOwnHours },
  { path: '/account', key: 'account', icon: 'user', opens: 'account.me' },
  { path: '/users', key: 'users', icon: 'users', opens: 'users.list' },
  { path: '/places', key: 'places', icon: 'mapPin', opens: 'places.create' },
  { path: '/session-kinds', key: 'sessionKinds', icon: 'clipboard', opens: 'appointments.saveKind' },
  { path: '/activity-kinds', key: 'activityKinds', icon: 'clipboard', opens: 'activities.saveKind' },
  { path: '/interpreters', key: 'interpreters', icon: 'language', opens: 'interpreters.save' },
  { path: '/availability', key: 'teamHours', icon: 'clock', opens: 'availability.setPlan', for: plansForOthers },
  { path: '/anonymisation', key: 'anonymisation', icon: 'eraser', opens: 'visitors.retentionCandidates' },
  { path: '/audit', key: 'audit', icon: 'list', opens: 'audit.list' },
  { path: '/settings', key: 'settings', icon: 'settings', opens: 'settings.update' },
  { path: '/backups', key: 'backups', icon: 'drive', opens: 'backups.create' },
  { path: '/notes-access', key: 'notesAccess', icon: 'key', opens: 'notes.closedAccounts' },
];

/** Hours of her own: whoever has a day of her own (a psychologist's appointments). */
function hasOwnHours(user: SessionUser): boolean {
  return mayCall(user, 'appointments.myDay');
}

/** Everyone's hours: whoever may set what concerns no one person (a place's closed day, a public holiday). */
function plansForOthers(user: SessionUser): boolean {
  return mayPlanFor(user, null);
}

export function mayGo(user: SessionUser, destination: Destination): boolean {
  return mayCall(user, destination.opens) && (destination.for?.(user) ?? true);
}

export function destinationsFor(user: SessionUser): Destination[] {
  return DESTINATIONS.filter((destination) => mayGo(user, destination));
}

/** Who may register visitors, record consents and intakes. */
export function worksAtDesk(user: SessionUser): boolean {
  return mayCall(user, 'visitors.register');
}
