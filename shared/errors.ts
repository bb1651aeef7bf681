/**
 * Every error a procedure can answer with. The renderer translates each code
 * (`errors.<code>` in shared/i18n); main never sends a message, only a code and
 * its params, so nothing confidential can leak through an error's text.
 */
export const ERROR_CODES = [
  // the call itself
  'call.unknownProcedure',
  'call.invalidInput',
  'call.forbidden',
  'call.internal',
  // the data folder and the vault
  'data.inUse',
  'data.notInitialized',
  'data.alreadyInitialized',
  'vault.missing',
  'vault.corrupt',
  'vault.tampered',
  'vault.mismatch',
  'vault.stale',
  'vault.keyWiped',
  'db.missing',
  'db.corrupt',
  'db.fromNewerVersion',
  'db.wrongKey',
  'storage.writeFailed',
  'storage.full',
  // sessions
  'auth.invalidCredentials',
  'auth.throttled',
  'auth.locked',
  'auth.passwordChangeRequired',
  'auth.wrongCurrentPassword',
  'recovery.malformed',
  'recovery.wrongKey',
  'recovery.unknownLogin',
  // accounts
  'password.tooShort',
  'password.tooLong',
  'password.tooCommon',
  'password.sameAsLogin',
  'password.unchanged',
  'users.loginTaken',
  'users.notFound',
  'users.lastAdmin',
  'users.cannotDisableSelf',
  'users.cannotChangeOwnRoles',
  'users.alreadyDisabled',
  'users.notDisabled',
  // private session notes
  'notes.notFound',
  'notes.closed',
  'notes.noAccess',
  'notes.notAuthor',
  'notes.notYourAppointment',
  'notes.appointmentNotFound',
  'notes.cannotGrantSelf',
  'notes.recipientNotPsychologist',
  'notes.recipientCannotReceive',
  'notes.nothingToGrant',
  'notes.publicKeyTampered',
  'notes.grantTampered',
  // visitors, intakes, referrals
  'visitors.notFound',
  'visitors.anonymised',
  'visitors.alreadyAnonymised',
  'visitors.consentRequired',
  'intakes.notFound',
  'partners.notFound',
  'referrals.notFound',
  'referrals.consentRequired',
  'referrals.invalidTransition',
  'drafts.tooLarge',
  // the listening unit's schedule
  'places.notFound',
  'interpreters.notFound',
  'availability.notFound',
  'availability.notYours',
  'appointments.notFound',
  'appointments.kindNotFound',
  'appointments.notPsychologist',
  'appointments.psychologistDisabled',
  'appointments.noneAvailable',
  'appointments.clash',
  'appointments.outsideHours',
  'appointments.inPast',
  'appointments.notInPast',
  'appointments.notYours',
  'appointments.roomNotInPlace',
  'appointments.interpreterLanguage',
  'appointments.seriesTooLong',
  'appointments.transitionNotAllowed',
  // workshops and events
  'activities.notFound',
  'activities.kindNotFound',
  'activities.roomNotInPlace',
  'activities.inactive',
  'activities.sessionNotFound',
  'activities.sessionCancelled',
  'activities.seriesTooLong',
  'activities.full',
  'activities.alreadyEnrolled',
  'activities.notEnrolled',
  'events.notFound',
  // backups and restore
  'backup.notABackup',
  'backup.newerFormat',
  'backup.damaged',
  'backup.tampered',
  'backup.wrongPassword',
  'backup.wrongRecoveryKey',
  'backup.fromNewerSchema',
  'backup.contentsInvalid',
  'backup.driveFull',
  'backup.driveGone',
  'backup.driveReadOnly',
  'backup.cancelled',
  'backup.inProgress',
  'backup.notFound',
  'backup.confirmationMismatch',
  'backup.noneRunning',
  // children and the childcare space
  'children.notFound',
  'children.anonymised',
  'childcare.slotNotFound',
  'childcare.bookingNotFound',
  'childcare.activityNotFound',
  'childcare.ageOutOfRange',
  'childcare.ageOutOfRangeMonths',
  'childcare.notToday',
  'childcare.slotPast',
  'childcare.slotCancelled',
  'childcare.alreadyBooked',
  'childcare.capacityBelowTaken',
  'childcare.notBooked',
  'childcare.alreadyCheckedIn',
  'childcare.notCheckedIn',
  'childcare.alreadyPickedUp',
  'childcare.wrongCode',
  'childcare.codeLocked',
  'childcare.notAuthorised',
  'childcare.overrideNotAllowed',
  'childcare.notOffered',
  'childcare.noSlot',
  'childcare.codesExhausted',
  'childcare.notCancellable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The field codes main's services give, beyond the messages of the zod schemas in
 * shared/ (which the i18n test reads from the schemas themselves). Each is translated
 * under `fields.<code>`; AppError accepts no other, so none can go untranslated.
 */
export const SERVICE_FIELD_CODES = [
  'required',
  'password.tooShort',
  'password.tooLong',
  'password.tooCommon',
  'password.sameAsLogin',
  'password.unchanged',
  'users.loginTaken',
  'users.lastAdmin',
  'users.cannotChangeOwnRoles',
  'auth.wrongCurrentPassword',
  'recovery.malformed',
  'recovery.wrongKey',
  'recovery.unknownLogin',
  'birthYear.future',
  'birthYear.tooOld',
  'phone.invalid',
  'arrivalMonth.future',
  'visitDate.future',
  'referredOn.future',
  'consent.dataProcessingRequired',
  'referrals.consentRequired',
  'referrals.overrideNotAllowed',
  'partners.inactive',
  'places.roomNotFound',
  'appointments.clash',
  'appointments.outsideHours',
  'appointments.overrideNotAllowed',
  'appointments.inPast',
  'appointments.notInPast',
  'appointments.roomNotInPlace',
  'appointments.interpreterLanguage',
  'appointments.interpreterInactive',
  'activities.roomNotInPlace',
  'activities.placeInactive',
  'activities.capacityBelowEnrolled',
  'activities.notEnrolled',
  'events.placeNotFound',
  'children.birthDateFuture',
  'childcare.capacityBelowTaken',
] as const;
export type ServiceFieldCode = (typeof SERVICE_FIELD_CODES)[number];

/** A field-level problem: the path of the field and a code translated under `fields.` */
export type FieldErrors = Record<string, string>;

export type ErrorParams = Record<string, string | number>;

export interface ErrorInfo {
  code: ErrorCode;
  params?: ErrorParams;
  fields?: FieldErrors;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
