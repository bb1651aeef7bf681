import { randomInt } from 'node:crypto';
import { isWellFormedPickupCode, PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTHS } from '../../../shared/domain/childcare';
import { AppError } from '../errors';

/** Tries of each length before a longer code: three characters while the day has room, then four. */
const TRIES_PER_LENGTH = [64, 512] as const;

/** One code of `length` characters from the CSPRNG (crypto.randomInt: uniform, no modulo bias). */
function randomCode(length: number, draw: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += PICKUP_CODE_ALPHABET[draw(PICKUP_CODE_ALPHABET.length)];
  return code;
}

/**
 * A pick-up code nobody has today: random, of the alphabet, never offensive; three
 * characters, or four once three-character draws keep hitting codes already given.
 */
export function drawPickupCode(isTaken: (code: string) => boolean, draw: (max: number) => number = randomInt): string {
  for (const [i, length] of PICKUP_CODE_LENGTHS.entries()) {
    for (let tries = 0; tries < TRIES_PER_LENGTH[i]; tries++) {
      const code = randomCode(length, draw);
      if (isWellFormedPickupCode(code) && !isTaken(code)) return code;
    }
  }
  throw new AppError('childcare.codesExhausted');
}
