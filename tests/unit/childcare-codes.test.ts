import { describe, expect, it } from 'vitest';
import { drawPickupCode } from '../../main/core/childcare/codes';
import { isOffensiveCode, isWellFormedPickupCode, PICKUP_CODE_ALPHABET, PICKUP_CODE_BLOCKLIST } from '../../shared/domain/childcare';
import { childcareDesk } from '../support/childcare';

/** Vowels, and the characters one misreads for another on a slip or a screen. */
const NEVER = ['A', 'E', 'I', 'O', 'U', 'Y', '0', 'Q', '1', 'L', '2', 'Z', '5', 'S', '6', 'G', '8', 'B', 'V'];

describe('pick-up codes', () => {
  it('use no vowel and no look-alike, and the blocklist only letters the alphabet has', () => {
    for (const c of NEVER) expect(PICKUP_CODE_ALPHABET).not.toContain(c);
    expect(new Set(PICKUP_CODE_ALPHABET).size).toBe(PICKUP_CODE_ALPHABET.length);
    for (const bad of PICKUP_CODE_BLOCKLIST) expect([...bad].every((c) => PICKUP_CODE_ALPHABET.includes(c)), bad).toBe(true);
    // Anywhere in the code, in French, English or Darija as written in Latin letters.
    for (const code of ['FCK', 'WTFX', 'XPD', 'NKM', 'K7MR', '9HP', 'HMR', 'MRD']) expect(isWellFormedPickupCode(code), code).toBe(false);
    expect(isWellFormedPickupCode('K7M')).toBe(true);
  });

  it('drawn 20,000 times for one day: every code of the alphabet, three or four characters, never offensive, never twice', () => {
    const given = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const code = drawPickupCode((c) => given.has(c));
      expect(isWellFormedPickupCode(code), code).toBe(true);
      expect(isOffensiveCode(code), code).toBe(false);
      expect(given.has(code)).toBe(false);
      given.add(code);
    }
    const lengths = new Set([...given].map((c) => c.length));
    // Three characters while the day has room, then four.
    expect([...lengths].sort()).toEqual([3, 4]);
  });

  it('skips an offensive draw and a code already given today', () => {
    // A source that draws F, C, K (offensive), then K, M, N (taken), then K, M, P.
    const sequence = ['F', 'C', 'K', 'K', 'M', 'N', 'K', 'M', 'P'].map((c) => PICKUP_CODE_ALPHABET.indexOf(c));
    let i = 0;
    expect(drawPickupCode((c) => c === 'KMN', () => sequence[i++])).toBe('KMP');
  });

  it('gives every child checked in the same day a different code, across the slots of the desk', async () => {
    const t = await childcareDesk();
    try {
      const slots = [await t.slot({ capacity: 20 }), await t.slot({ starts: '14:00', ends: '16:00', capacity: 20 })];
      const bookings = [];
      for (let i = 0; i < 40; i++) {
        const child = await t.child(await t.mother(`Mère ${i}`), { firstName: `Enfant ${i}` });
        bookings.push(await t.ok('childcare.book', { childId: child.id, slotId: slots[i % 2].id }));
      }
      t.clock.current = new Date('2026-12-07T08:30:00.000Z');
      const codes = [];
      for (const booking of bookings) codes.push((await t.ok('childcare.checkIn', { bookingId: booking.id })).pickupCode);
      expect(new Set(codes).size).toBe(40);
      for (const code of codes) expect(isWellFormedPickupCode(code ?? '')).toBe(true);
    } finally {
      t.close();
    }
  }, 120_000);
});
