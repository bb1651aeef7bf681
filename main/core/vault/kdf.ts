import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { randomBytes, toB64, fromB64 } from './crypto';

/** Argon2id parameters, stored with each keyslot so that each can be re-tuned on its own. */
export interface KdfParams {
  alg: 'argon2id';
  /** memory in KiB */
  m: number;
  t: number;
  p: number;
  salt: string;
}

export type KdfCost = Omit<KdfParams, 'alg' | 'salt'>;

/** Never below OWASP's m=64 MiB, t=3 (checked when reading a vault too, so it cannot be downgraded). */
export const KDF_FLOOR: KdfCost = { m: 64 * 1024, t: 3, p: 1 };
const KDF_CEILING: KdfCost = { m: 1024 * 1024, t: 64, p: 8 };
export const CALIBRATION_TARGET_MS = 500;

export function isAcceptableCost(cost: KdfCost): boolean {
  return (
    Number.isInteger(cost.m) && Number.isInteger(cost.t) && Number.isInteger(cost.p) &&
    cost.m >= KDF_FLOOR.m && cost.t >= KDF_FLOOR.t && cost.p >= KDF_FLOOR.p &&
    cost.m <= KDF_CEILING.m && cost.t <= KDF_CEILING.t && cost.p <= KDF_CEILING.p
  );
}

export function newKdfParams(cost: KdfCost): KdfParams {
  return { alg: 'argon2id', m: cost.m, t: cost.t, p: cost.p, salt: toB64(randomBytes(16)) };
}

export async function deriveKey(secret: string | Buffer, params: KdfParams): Promise<Buffer> {
  const input = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  try {
    return await hashRaw(input, {
      // Algorithm.Argon2id: a const enum, which isolated modules cannot read.
      algorithm: 2 as Algorithm,
      memoryCost: params.m,
      timeCost: params.t,
      parallelism: params.p,
      outputLen: 32,
      salt: fromB64(params.salt),
    });
  } finally {
    if (typeof secret === 'string') input.fill(0);
  }
}

/**
 * Finds parameters that take about `targetMs` on this machine: memory first (it is
 * what makes guessing expensive on GPUs), up to 256 MiB, then passes.
 */
export async function calibrateKdf(targetMs = CALIBRATION_TARGET_MS): Promise<KdfCost & { measuredMs: number }> {
  const probe = 'calibration probe';
  // The best of two runs: the first touch of a large allocation is slower than a login will be.
  const time = async (cost: KdfCost): Promise<number> => {
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      await deriveKey(probe, newKdfParams(cost));
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  let cost: KdfCost = { ...KDF_FLOOR };
  let ms = await time(cost);
  while (cost.m < 256 * 1024 && ms * 2 <= targetMs) {
    cost = { ...cost, m: cost.m * 2 };
    ms = await time(cost);
  }
  // Then passes, re-measured a few times since one timing on a busy machine can mislead.
  for (let round = 0; round < 3 && Math.abs(ms - targetMs) > targetMs * 0.15; round++) {
    const t = Math.min(KDF_CEILING.t, Math.max(KDF_FLOOR.t, Math.round((cost.t * targetMs) / ms)));
    if (t === cost.t) break;
    cost = { ...cost, t };
    ms = await time(cost);
  }
  return { ...cost, measuredMs: Math.round(ms) };
}
