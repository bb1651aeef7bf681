import { availableParallelism } from 'node:os';
import { ensureEscrow } from '../accounts/escrow';
import { checkNewPassword } from '../accounts/password-policy';
import { insertUser, nextUserId } from '../accounts/service';
import type { Desk } from '../desk';
import { publishReaderKey } from '../notes/notes';
import { randomBytes, wipe } from '../vault/crypto';
import type { Slot, VaultBody } from '../vault/vault-file';
import { randomGenerator } from '../visitors/seed';

/** A seeded psychologist and her private secret, which the seed seals her notes with and wipes when done. */
export interface SeededPsychologist {
  id: number;
  login: string;
  displayName: string;
  secret: Buffer;
}

const FIRST_NAMES = ['Salma', 'Nadia', 'Imane', 'Khadija', 'Sara', 'Hanane', 'Meryem', 'Loubna', 'Aïcha', 'Camille', 'Claire', 'Fatoumata'];
const FAMILY_NAMES = ['Benali', 'El Idrissi', 'Amrani', 'Tazi', 'Bennani', 'Ouazzani', 'Chraibi', 'Haddad', 'Martin', 'Diallo', 'Lahlou', 'Berrada'];

/** As many psychologists as the appointments take: a year holds about 2,300 slots each, and series need room to find their weekly time. */
export const psychologistsFor = (appointments: number): number => Math.max(3, Math.ceil(appointments / 1600));

export const seededPsychologistLogin = (seed: number, index: number): string => `psy.seed${seed}.${index + 1}`;

/**
 * Psychologists who log in as any colleague does: each gets her own random 256-bit secret
 * (escrowed to the recovery key, as at a first login), her published public key, and a
 * password slot holding that secret. Her notes then open with her password alone. The
 * names and logins follow the seed; the secrets never do (a seed number must not give
 * anyone a key). One derivation per slot at the desk's cost (half a second once calibrated).
 * The vault is written once, then the accounts in one transaction (the vault first, as the
 * router does: a crash between leaves slots for accounts that do not exist, which open nothing).
 */
export async function seedPsychologists(desk: Desk, options: { seed: number; count: number; password: string; now: Date }): Promise<SeededPsychologist[]> {
  const session = desk.requireSession();
  const { db } = session;
  const random = randomGenerator(options.seed ^ 0x5eed);
  const firstId = nextUserId(db);
  const made: SeededPsychologist[] = [];
  for (let i = 0; i < options.count; i++) {
    const login = seededPsychologistLogin(options.seed, i);
    checkNewPassword(options.password, login, 'password');
    made.push({ id: firstId + i, login, displayName: `${random.pick(FIRST_NAMES)} ${random.pick(FAMILY_NAMES)}`, secret: randomBytes(32) });
  }
  try {
    await desk.withDataKey(async (dataKey) => {
      const start = desk.readVault(db);
      // Each slot is made against the same vault, as many at once as there are processors (Argon2id runs off the main thread), then gathered.
      const slots: Slot[] = [];
      for (let from = 0; from < made.length; from += availableParallelism()) {
        const bodies = await Promise.all(
          made
            .slice(from, from + availableParallelism())
            .map((p) => desk.vault.withPasswordSlot(start, dataKey, { userId: p.id, login: p.login, password: options.password, userSecret: p.secret }, options.now)),
        );
        slots.push(...bodies.map((body, i) => body.slots.find((slot) => slot.kind === 'password' && slot.userId === made[from + i].id) as Slot));
      }
      const vault: VaultBody = { ...start, slots: [...start.slots, ...slots] };
      db.transaction(() => {
        for (const p of made) {
          insertUser(db, { id: p.id, login: p.login, displayName: p.displayName, roles: ['psychologist'], language: 'fr', mustChangePassword: false, secretEscrow: null }, options.now);
          ensureEscrow(db, start, p.id, p.secret, options.now);
          publishReaderKey(db, p.id, p.secret, options.now);
        }
        desk.writeVault(db, vault, dataKey);
      })();
    });
  } catch (error) {
    wipeSecrets(made);
    throw error;
  }
  return made;
}

export function wipeSecrets(psychologists: readonly SeededPsychologist[]): void {
  for (const p of psychologists) wipe(p.secret);
}
