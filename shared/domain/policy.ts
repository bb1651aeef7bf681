import type { Role } from './accounts';

/**
 * Who may see or do what, in one place: main enforces it, the renderer reads the same
 * rules to offer only what will be accepted. A rule changed here changes on both sides.
 */

/** The type of violence disclosed: psychologists only. */
export function seesViolenceType(roles: readonly Role[]): boolean {
  return roles.includes('psychologist');
}

/**
 * That violence was disclosed, and everything that gives it away: the orientation
 * (a disclosure forces it to the listening unit) and "referred to the listening unit".
 * Desk staff and psychologists; an administrator with no other role sees none of it.
 */
export function seesDisclosure(roles: readonly Role[]): boolean {
  return roles.includes('desk') || roles.includes('psychologist');
}

/** Refer a visitor to a partner without her consent, giving a reason (audited). */
export function mayOverrideReferralConsent(roles: readonly Role[]): boolean {
  return roles.includes('psychologist') || roles.includes('admin');
}

/**
 * Nobody changes her own roles: an administrator who could give herself the
 * psychologist role could read violence types and take the role back.
 */
export function mayChangeRolesOf(actor: { id: number }, target: { id: number }): boolean {
  return actor.id !== target.id;
}

/**
 * Whose availability one may set: an administrator anyone's (interpreters', the whole
 * place's closed days and holidays); a psychologist only her own.
 */
export function mayPlanFor(actor: { id: number; roles: readonly Role[] }, owner: { userId: number } | { interpreterId: number } | null): boolean {
  if (actor.roles.includes('admin')) return true;
  return actor.roles.includes('psychologist') && owner !== null && 'userId' in owner && owner.userId === actor.id;
}

/** Book outside a psychologist's hours or a place's opening hours, with a reason (audited); a desk worker cannot. */
export function mayOverrideHours(roles: readonly Role[]): boolean {
  return roles.includes('psychologist') || roles.includes('admin');
}

/**
 * A visitor's appointments on her profile: desk staff and administrators see when, where and
 * what became of each; the kind of session (a crisis session, say) and an override's
 * reason are the listening unit's.
 */
export function seesSessionDetails(roles: readonly Role[]): boolean {
  return roles.includes('psychologist');
}

/**
 * A child's allergies and care notes: the people who run the childcare, that is desk staff
 * (who book, check in and hand back) and psychologists (who also work at the desk). Not an
 * administrator with no other role, and never a report or an export.
 */
export function seesChildCareNotes(roles: readonly Role[]): boolean {
  return roles.includes('desk') || roles.includes('psychologist');
}

/** Hand a child to someone without the right code, or not on her list, with a reason (audited): a desk worker. */
export function mayOverridePickUp(roles: readonly Role[]): boolean {
  return roles.includes('desk') || roles.includes('psychologist');
}
