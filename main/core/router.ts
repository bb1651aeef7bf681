import type { z } from 'zod';
import type { AnyProcedure } from '../../shared/contract/define';
import {
  contract,
  isProcedureName,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureName,
} from '../../shared/contract';
import type { FieldErrors, Result } from '../../shared/errors';
import { beginImmediate, type WriteTransaction } from './db/transaction';
import type { Desk } from './desk';
import { AppError, invalidInput, isAppError } from './errors';

export interface HandlerContext {
  desk: Desk;
  /** Names the entity a write acted on, for its audit entry. */
  setAuditEntityId(id: string | number): void;
  /** A short, non-confidential note for the audit entry (roles before and after, say). */
  setAuditDetail(detail: string): void;
  /** Runs once the call's writes are committed (a WAL checkpoint after an erasure, say). */
  afterCommit(action: () => void): void;
}

export type Handler<N extends ProcedureName> = (
  input: ParsedInputOf<N>,
  ctx: HandlerContext,
) => OutputOf<N> | Promise<OutputOf<N>>;

/** One handler per procedure: a missing or an extra one is a type error. */
export type Handlers = { [N in ProcedureName]: Handler<N> };
export type HandlersFor<N extends ProcedureName> = { [K in N]: Handler<K> };

/** zod's issues as `{ "field.path": code }`; our schemas carry their codes as messages. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (fields[path]) continue;
    const message = issue.message;
    fields[path] = /^[a-zA-Z][\w.]*$/.test(message) && message.length <= 40 ? message : issue.code === 'invalid_type' ? 'required' : 'invalid';
  }
  return fields;
}

/** A name from outside is logged only in a safe, short form. */
function safeName(name: unknown): string {
  return typeof name === 'string' ? name.replace(/[^\w.]/g, '').slice(0, 64) : typeof name;
}

function failure(error: AppError): Result<never> {
  return {
    ok: false,
    error: {
      code: error.code,
      ...(error.params ? { params: error.params } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    },
  };
}

export interface Router {
  dispatch(desk: Desk, name: unknown, input: unknown): Promise<Result<unknown>>;
}

/** What a failure that is not one of ours says to the user: a full disk is named as such. */
function appErrorOf(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('storage.full');
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'EROFS') return new AppError('storage.writeFailed', { params: { reason: code } });
  return null;
}

/**
 * access check → parse → handler and audit entry in one transaction → envelope. One call
 * at a time for a desk (its queue): a lock waits for the call in flight. The access check
 * comes first so that a caller without the role learns nothing, not even the input's
 * shape, and every refusal is audited whatever its payload. Nothing is thrown to the
 * caller: every outcome is `{ ok, value }` or `{ ok: false, error: { code, ... } }`.
 */
export function createRouter(handlers: Handlers, log: (line: string) => void = console.error): Router {
  async function dispatchNow(desk: Desk, name: unknown, input: unknown): Promise<Result<unknown>> {
    const user = desk.currentUser;
    const refuse = (code: 'call.unknownProcedure' | 'call.forbidden', action: string): Result<never> => {
      try {
        if (user) desk.audit({ action, outcome: 'refused', detail: code });
      } catch {
        log(`guichet: could not audit a refused call`);
      }
      return failure(new AppError(code));
    };

    if (!isProcedureName(name)) return refuse('call.unknownProcedure', `call.${safeName(name)}`);
    const procedure: AnyProcedure = contract[name];

    if (procedure.access === 'adminOrNewDesk') {
      // Without a session the handler admits only a desk never set up (BackupJobs.requireAdminOrNewDesk).
      if (user && !user.roles.includes('admin')) return refuse('call.forbidden', name);
    } else if (procedure.access !== 'public') {
      if (!user) return failure(new AppError('auth.locked'));
      if (procedure.access !== 'session' && !procedure.access.some((role) => user.roles.includes(role))) {
        return refuse('call.forbidden', name);
      }
      if (user.mustChangePassword && !procedure.duringPasswordChange) {
        return failure(new AppError('auth.passwordChangeRequired'));
      }
    }

    const parsed = procedure.input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure(invalidInput(fieldErrorsOf(parsed.error)));
    }

    let entityId: string | null = null;
    let detail: string | null = null;
    const committed: (() => void)[] = [];
    const ctx: HandlerContext = {
      desk,
      setAuditEntityId: (id) => (entityId = String(id)),
      setAuditDetail: (text) => (detail = text),
      afterCommit: (action) => committed.push(action),
    };
    const audited = procedure.audit;
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    // A write made in a session is one transaction with its audit entry: both or neither.
    const db = audited && audited.kind === 'write' && procedure.atomic !== false ? (desk.currentUser ? desk.requireSession().db : null) : null;
    let transaction: WriteTransaction | null = null;
    try {
      if (db) transaction = beginImmediate(db);
      const value = await handler(parsed.data, ctx);
      if (audited && desk.currentUser) {
        desk.audit({ action: name, entity: audited.entity, entityId, outcome: 'success', detail });
      }
      // The vault last: a failure before leaves it as it was (see Desk.stageVault).
      if (desk.currentUser) desk.writeStagedVault(desk.requireSession().db);
      else desk.discardStagedVault();
      transaction?.commit();
      for (const action of committed) {
        try {
          action();
        } catch (error) {
          // The call's writes are committed; what follows them (a WAL checkpoint) is retried by SQLite itself.
          log(`guichet: after ${name} committed, a follow-up failed: ${error instanceof Error ? error.name : typeof error}`);
        }
      }
      return { ok: true, value: value ?? null };
    } catch (error) {
      desk.discardStagedVault();
      transaction?.rollback();
      const appError = appErrorOf(error) ?? new AppError('call.internal');
      if (!appErrorOf(error)) {
        // Name and stack frames only: a message may quote data (SQLite quotes values).
        log(`guichet: ${name} failed: ${error instanceof Error ? error.name : typeof error}`);
      }
      if (audited && desk.currentUser) {
        try {
          desk.audit({ action: name, entity: audited.entity, entityId, outcome: 'failure', detail: appError.code });
        } catch {
          log(`guichet: could not audit the failure of ${name}`);
        }
      }
      return failure(appError);
    }
  }

  return {
    dispatch: (desk, name, input) => {
      // A call made before the shell locked the desk (screen lock, suspend, idle) does not run after it.
      const epoch = desk.lockEpoch;
      return desk
        .serially(() => (desk.lockEpoch !== epoch && name !== 'app.status' ? failure(new AppError('auth.locked')) : dispatchNow(desk, name, input)))
        .catch((error: unknown) => {
          log(`guichet: a call failed outside its handler: ${error instanceof Error ? error.name : typeof error}`);
          return failure(appErrorOf(error) ?? new AppError('call.internal'));
        });
    },
  };
}
