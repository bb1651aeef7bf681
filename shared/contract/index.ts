import type { z } from 'zod';
import type { Result } from '../errors';
import type { AnyProcedure } from './define';
import { accountProcedures } from './account';
import { appProcedures } from './app';
import { auditProcedures } from './audit';
import { authProcedures } from './auth';
import { settingsProcedures } from './settings';
import { usersProcedures } from './users';
import { visitorsProcedures } from './visitors';
import { referralsProcedures } from './referrals';
import { intakesProcedures } from './intakes';
import { draftsProcedures } from './drafts';
import { keysProcedures } from './keys';
import { placesProcedures } from './places';
import { interpretersProcedures } from './interpreters';
import { availabilityProcedures } from './availability';
import { appointmentsProcedures } from './appointments';
import { notesProcedures } from './notes';
import { backupsProcedures } from './backups';
import { activitiesProcedures } from './activities';
import { eventsProcedures } from './events';
import { childrenProcedures } from './children';
import { childcareProcedures } from './childcare';

/** Every procedure main serves, declared once. */
export const contract = {
  ...appProcedures,
  ...authProcedures,
  ...accountProcedures,
  ...usersProcedures,
  ...auditProcedures,
  ...settingsProcedures,
  ...visitorsProcedures,
  ...intakesProcedures,
  ...draftsProcedures,
  ...referralsProcedures,
  ...keysProcedures,
  ...placesProcedures,
  ...interpretersProcedures,
  ...availabilityProcedures,
  ...appointmentsProcedures,
  ...notesProcedures,
  ...backupsProcedures,
  ...activitiesProcedures,
  ...eventsProcedures,
  ...childrenProcedures,
  ...childcareProcedures,
} satisfies Record<string, AnyProcedure>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends ProcedureName> = Exclude<Contract[N]['output'], undefined>;

export const PROCEDURE_NAMES = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** `api.users.create(input)`: the shape window.api takes, derived from the contract's names. */
type Namespace<N extends string> = N extends `${infer D}.${string}` ? D : never;
type Method<N extends string, D extends string> = N extends `${D}.${infer M}` ? M : never;

export type Api = {
  [D in Namespace<ProcedureName>]: {
    [M in Method<ProcedureName, D>]: `${D}.${M}` extends infer N extends ProcedureName
      ? (input: InputOf<N>) => Promise<Result<OutputOf<N>>>
      : never;
  };
} & {
  /** Subscribes to what main announces (the desk was locked); returns the unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
};

/** Main tells the renderer, without being asked, that the desk was locked (idle, OS lock, suspend). */
export type DeskEvent = { type: 'locked'; reason: 'idle' | 'screenLock' | 'suspend' | 'shutdown' };

/** The raw channel the preload and ipcMain agree on; one for calls, one for events. */
export const IPC_CALL_CHANNEL = 'guichet:call';
export const IPC_EVENT_CHANNEL = 'guichet:event';
