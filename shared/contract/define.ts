import type { z } from 'zod';
import type { Role } from '../domain/accounts';

/**
 * Who may call a procedure: `public` needs no session (status, setup, login);
 * `session` any unlocked user; a list of roles, a user holding one of them;
 * `adminOrNewDesk` an administrator, or anyone on a desk never set up (restoring a
 * backup on a new machine; the handler checks that the folder is empty).
 */
export type Access = 'public' | 'session' | 'adminOrNewDesk' | readonly Role[];

export interface Procedure<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /**
   * How the router audits a call: `write` records every outcome, `read` records a
   * sensitive read, `false` records nothing (refusals are always recorded).
   * `entity` names what the call acts on; the handler gives its id.
   */
  audit: false | { kind: 'write' | 'read'; entity: string };
  /** May be called while the user must still replace a one-time password. */
  duringPasswordChange?: boolean;
  /**
   * `false` only for a handler that makes its own writes durable in steps and cannot run
   * inside one transaction (a data-key rotation swaps the database file). Every other
   * write runs in one transaction with its audit entry.
   */
  atomic?: false;
  /** Phantom field: carries the output type, never set at run time. */
  readonly output?: O;
}

/** `procedure<Output>()({...})` declares one procedure with its output type. */
export function procedure<O>() {
  return <I extends z.ZodType>(def: Omit<Procedure<I, O>, 'output'>): Procedure<I, O> => def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest procedure, used only as a constraint
export type AnyProcedure = Procedure<z.ZodType, any>;
