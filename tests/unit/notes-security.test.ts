import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { x25519PublicOf } from '../../main/core/vault/crypto';
import { generateRecoveryKey } from '../../main/core/vault/recovery-key';
import { BREAK_GLASS_REASON_MAX } from '../../shared/domain/notes';
import { loginAs } from '../support/desk';
import { body, notesDesksForEachTest, type NotesDesk } from '../support/notes';

/** What someone holding only the data key can do to the notes' rows, and what each attempt gets him. */

const REASON = 'Salma has left the association; the visitor returns on Monday.';

const open = notesDesksForEachTest();

/** Writes to the open session's database as someone holding the data key would, outside every check. */
function tamper(t: NotesDesk, sql: string, ...params: unknown[]): void {
  t.desk.requireSession().db.prepare(sql).run(...params);
}

/** Two done sessions of Salma's with the visitor, as the schedule records them (its handlers are another namespace's). */
function twoSessions(t: NotesDesk): [number, number] {
  const book = t.desk.requireSession().db.prepare(
    `INSERT INTO appointments (visitor_id, psychologist_id, place_id, kind_id, starts_at, ends_at, status, created_at, created_by, updated_at)
     VALUES (?, ?, (SELECT min(id) FROM places), (SELECT min(id) FROM session_kinds), ?, ?, 'done', ?, ?, ?)`,
  );
  const at = '2026-11-28T12:00:00.000Z';
  const first = Number(book.run(t.visitorId, t.salma.id, '2026-11-27T09:00:00.000Z', '2026-11-27T10:00:00.000Z', at, t.salma.id, at).lastInsertRowid);
  const second = Number(book.run(t.visitorId, t.salma.id, '2026-11-28T09:00:00.000Z', '2026-11-28T10:00:00.000Z', at, t.salma.id, at).lastInsertRowid);
  return [first, second];
}

const recoveryFailures = (t: NotesDesk) => t.desk.throttle.failures('recovery', t.clock.now());

describe('a sealed note bound to its rows', () => {
  it('a body moved to another appointment, or given one, no longer opens; every sealed string names its format', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const [first, second] = twoSessions(t);
    const held = await t.ok('notes.create', { appointmentId: first, body: body('After the first session') });
    const loose = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Written without an appointment') });
    const { db } = t.desk.requireSession();
    const stored = db.prepare('SELECT body FROM session_notes WHERE id = ?').get(held.id) as { body: string };
    const wrapped = db.prepare('SELECT wrapped FROM note_keys WHERE note_id = ?').get(held.id) as { wrapped: string };
    expect([stored.body.split(':')[0], wrapped.wrapped.split(':')[0]]).toEqual(['note-body.v2', 'note-key.v2']);

    tamper(t, 'UPDATE session_notes SET appointment_id = ? WHERE id = ?', second, held.id);
    tamper(t, 'UPDATE session_notes SET appointment_id = ? WHERE id = ?', first, loose.id);
    expect(await t.call('notes.get', { id: held.id })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
    expect(await t.call('notes.get', { id: loose.id })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
    // Put back, both open again: nothing else was changed.
    tamper(t, 'UPDATE session_notes SET appointment_id = ? WHERE id = ?', first, held.id);
    tamper(t, 'UPDATE session_notes SET appointment_id = NULL WHERE id = ?', loose.id);
    expect((await t.ok('notes.get', { id: held.id })).body.text).toBe('After the first session');
    expect((await t.ok('notes.get', { id: loose.id })).body.text).toBe('Written without an appointment');
  });

  it('a key handed over, moved to another grant so that ending its handover leaves it, no longer opens', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const note = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Handed over, then taken back') });
    await t.ok('notes.create', { visitorId: t.otherVisitorId, body: body('About someone else') });
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    await t.ok('notes.handover', { visitorId: t.otherVisitorId, recipientId: t.nadia.id });
    const { db } = t.desk.requireSession();
    const grantOf = (visitorId: number) => (db.prepare(`SELECT id FROM note_grants WHERE visitor_id = ? AND recipient_id = ?`).get(visitorId, t.nadia.id) as { id: number }).id;
    tamper(t, 'UPDATE note_keys SET grant_id = ? WHERE note_id = ? AND reader_id = ?', grantOf(t.otherVisitorId), note.id, t.nadia.id);
    // Her own key moved under a grant does not open for her either.
    tamper(t, 'UPDATE note_keys SET grant_id = ? WHERE note_id = ? AND reader_id = ?', grantOf(t.visitorId), note.id, t.salma.id);
    expect(await t.call('notes.get', { id: note.id })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
    await t.ok('notes.endHandover', { id: grantOf(t.visitorId) });
    t.desk.lock('button');

    await loginAs(t, t.nadia);
    expect(await t.call('notes.get', { id: note.id })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
  });
});

describe('a handover’s pinned key changed by someone holding the data key', () => {
  it('is refused (audited) when her next note would be wrapped to it, and when she hands over again; nothing is wrapped to his key', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    const first = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Before the swap') });
    // The pin swapped for a key whose private half he holds, in the shape the column held before pins were sealed.
    const forged = x25519PublicOf(randomBytes(32)).toString('base64');
    tamper(t, `UPDATE note_grants SET recipient_key = ? WHERE kind = 'handover' AND recipient_id = ?`, forged, t.nadia.id);
    expect(await t.call('notes.create', { visitorId: t.visitorId, body: body('Written after the swap') })).toMatchObject({ ok: false, error: { code: 'notes.grantTampered' } });
    // Another grant's genuine pin does not fit either.
    await t.ok('notes.handover', { visitorId: t.otherVisitorId, recipientId: t.nadia.id });
    tamper(
      t,
      `UPDATE note_grants SET recipient_key = (SELECT recipient_key FROM note_grants WHERE visitor_id = ?) WHERE visitor_id = ? AND recipient_id = ?`,
      t.otherVisitorId,
      t.visitorId,
      t.nadia.id,
    );
    tamper(t, 'DELETE FROM note_keys WHERE note_id = ? AND reader_id = ?', first.id, t.nadia.id);
    expect(await t.call('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id })).toMatchObject({ ok: false, error: { code: 'notes.grantTampered' } });
    const { db } = t.desk.requireSession();
    expect(db.prepare('SELECT count(*) AS n FROM note_keys WHERE reader_id = ? AND note_id IN (SELECT id FROM session_notes WHERE visitor_id = ?)').get(t.nadia.id, t.visitorId)).toEqual({ n: 0 });
    t.desk.lock('button');

    await loginAs(t, t.staff.admin);
    const { entries } = await t.ok('audit.list', { limit: 500 });
    expect(entries.filter((e) => e.outcome === 'failure' && e.detail === 'notes.grantTampered').map((e) => e.action)).toEqual(expect.arrayContaining(['notes.create', 'notes.handover']));
  });
});

describe('a reader learns nothing of the notes she holds no key to', () => {
  it('not even their number: a colleague’s list of a visitor with notes by someone else looks like that of a visitor without any', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    await t.ok('notes.create', { visitorId: t.visitorId, body: body('Not handed over') });
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    const withNotes = await t.ok('notes.listForVisitor', { visitorId: t.visitorId });
    const withoutNotes = await t.ok('notes.listForVisitor', { visitorId: t.otherVisitorId });
    expect(withNotes).toEqual({ visitor: { id: t.visitorId, code: t.visitorCode }, notes: [], handovers: [] });
    expect(Object.keys(withNotes)).toEqual(Object.keys(withoutNotes));
  });
});

describe('the recovery key’s attempts', () => {
  it('auth.recover: the right key is never counted, whatever is refused after it; a wrong key always is', async () => {
    const t = await open();
    // More refusals than the free attempts: counted, the last ones would wait.
    for (let i = 0; i < 5; i++) {
      expect(await t.call('auth.recover', { recoveryKey: t.recoveryKey, login: t.salma.login, newPassword: 'password' })).toMatchObject({ ok: false, error: { code: 'password.tooCommon' } });
      expect(await t.call('auth.recover', { recoveryKey: t.recoveryKey, login: 'nobody-here', newPassword: 'a long enough new password' })).toMatchObject({ ok: false, error: { code: 'recovery.unknownLogin' } });
    }
    expect(recoveryFailures(t)).toBe(0);
    expect(await t.call('auth.recover', { recoveryKey: generateRecoveryKey(), login: 'nobody-here', newPassword: 'password' })).toMatchObject({ ok: false, error: { code: 'recovery.wrongKey' } });
    expect(recoveryFailures(t)).toBe(1);
    await t.ok('auth.recover', { recoveryKey: t.recoveryKey, login: t.salma.login, newPassword: 'salma types this new long password herself' });
    expect(recoveryFailures(t)).toBe(0);
  });

  it('break-glass: the right key refused for a tampered recipient key is not counted; a wrong key is', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    await t.ok('notes.create', { visitorId: t.visitorId, body: body('For break-glass') });
    tamper(t, 'UPDATE notes_public_keys SET public_key = ? WHERE user_id = ?', x25519PublicOf(randomBytes(32)).toString('base64'), t.nadia.id);
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    const input = { visitorId: t.visitorId, recipientId: t.nadia.id, reason: REASON };
    for (let i = 0; i < 5; i++) {
      expect(await t.call('notes.breakGlass', { ...input, recoveryKey: t.recoveryKey })).toMatchObject({ ok: false, error: { code: 'notes.publicKeyTampered' } });
    }
    expect(recoveryFailures(t)).toBe(0);
    expect(await t.call('notes.breakGlass', { ...input, recoveryKey: generateRecoveryKey() })).toMatchObject({ ok: false, error: { code: 'recovery.wrongKey' } });
    expect(recoveryFailures(t)).toBe(1);
  });
});

describe('break-glass’s written reason, kept in clear beside the grant', () => {
  it(`is bounded: ${BREAK_GLASS_REASON_MAX} characters are kept whole, one more is refused with a clear error`, async () => {
    const t = await open();
    await loginAs(t, t.salma);
    await t.ok('notes.create', { visitorId: t.visitorId, body: body('For break-glass') });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    const input = { recoveryKey: t.recoveryKey, visitorId: t.visitorId, recipientId: t.nadia.id };
    const tooLong = 'r'.repeat(BREAK_GLASS_REASON_MAX + 1);
    expect(await t.call('notes.breakGlass', { ...input, reason: tooLong })).toMatchObject({ ok: false, error: { code: 'call.invalidInput', fields: { reason: 'notes.reasonTooLong' } } });
    const longest = 'r'.repeat(BREAK_GLASS_REASON_MAX);
    expect(await t.ok('notes.breakGlass', { ...input, reason: longest })).toEqual({ notes: 1, authors: 1 });
    t.desk.lock('button');
    await loginAs(t, t.salma);
    expect((await t.ok('notes.notices', {})).map((n) => n.reason)).toEqual([longest]);
  });
});
