import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Desk, type DeskOptions } from '../../main/core/desk';
import { createDeskRouter } from '../../main/core/handlers';
import type { Router } from '../../main/core/router';
import { KDF_FLOOR } from '../../main/core/vault/kdf';
import { tagOf } from '../../main/core/vault/vault';
import type { InputOf, OutputOf, ProcedureName } from '../../shared/contract';
import type { Role } from '../../shared/domain/accounts';
import type { Result } from '../../shared/errors';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current = new Date('2026-11-29T09:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function tempDataDir(prefix = 'guichet-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A data folder `data` inside a temporary folder of its own: what a desk keeps beside its
 * data folder (a restore's safety copies) stays this test's, not every test's in /tmp.
 */
export function isolatedDataDir(): string {
  return join(tempDataDir('guichet-home-'), 'data');
}

export interface TestDesk {
  dir: string;
  desk: Desk;
  router: Router;
  clock: TestClock;
  call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  /** Calls and returns the value, failing the test with the error code otherwise. */
  ok<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** Closes this desk and opens the same folder again, as after a restart. */
  restart(): TestDesk;
  close(): void;
}

export function openTestDesk(dir = tempDataDir(), clock = new TestClock(), extra: Partial<DeskOptions> = {}): TestDesk {
  const desk = Desk.open({ dataDir: dir, kdfCost: KDF_FLOOR, now: clock.now, appVersion: 'test', ...extra });
  const router = createDeskRouter(() => undefined);
  const call = <N extends ProcedureName>(name: N, input: InputOf<N>) =>
    router.dispatch(desk, name, input) as Promise<Result<OutputOf<N>>>;
  const test: TestDesk = {
    dir,
    desk,
    router,
    clock,
    call,
    async ok(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed with ${result.error.code} ${JSON.stringify(result.error.fields ?? {})}`);
      return result.value;
    },
    restart() {
      desk.close();
      return openTestDesk(dir, clock, extra);
    },
    close() {
      desk.close();
    },
  };
  return test;
}

export const ADMIN = { login: 'amina', displayName: 'Amina Admin', password: 'the desk opens at nine', organisationName: 'Association Tadamon – Nador' };

export interface StaffMember {
  id: number;
  login: string;
  /** What the app shows for her: the login is only `salma` when its tag is free (see below). */
  displayName: string;
  password: string;
  roles: Role[];
}

/**
 * A data folder set up with one administrator, plus one user of each role who has
 * already replaced her one-time password. The desk is left locked.
 */
export async function deskWithStaff(clock = new TestClock(), dir = tempDataDir()) {
  const test = openTestDesk(dir, clock);
  const setup = await test.ok('setup.create', { ...ADMIN, language: 'fr' });
  const staff: Record<'admin' | 'desk' | 'psychologist', StaffMember> = {
    admin: { id: setup.user.id, login: ADMIN.login, displayName: ADMIN.displayName, password: ADMIN.password, roles: ['admin'] },
  } as Record<'admin' | 'desk' | 'psychologist', StaffMember>;
  // Logins are filed under 6-bit tags (one in 64 collide): the staff get distinct ones, so
  // that no test depends on the vault's random salt (a shared tag shares a login delay).
  const vault = test.desk.vault.read();
  const taken = new Set([tagOf(vault, ADMIN.login)]);
  for (const [role, name] of [
    ['desk', 'fatima'],
    ['psychologist', 'salma'],
  ] as const) {
    let login: string = name;
    for (let n = 2; taken.has(tagOf(vault, login)); n++) login = `${name}${n}`;
    taken.add(tagOf(vault, login));
    const created = await test.ok('users.create', { login, displayName: `${login} (${role})`, roles: [role], language: 'fr' });
    staff[role] = { id: created.user.id, login, displayName: created.user.displayName, password: created.oneTimePassword, roles: [role] };
  }
  test.desk.lock('button');
  for (const role of ['desk', 'psychologist'] as const) {
    const member = staff[role];
    await test.ok('auth.login', { login: member.login, password: member.password });
    const own = `${member.login} chose this long password`;
    await test.ok('account.changePassword', { currentPassword: member.password, newPassword: own });
    member.password = own;
    test.desk.lock('button');
  }
  return { ...test, staff, recoveryKey: setup.recoveryKey };
}

export async function loginAs(test: TestDesk, member: { login: string; password: string }): Promise<void> {
  await test.ok('auth.login', { login: member.login, password: member.password });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
