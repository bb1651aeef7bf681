import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { x25519PublicOf } from '../../main/core/vault/crypto';
import { generateRecoveryKey } from '../../main/core/vault/recovery-key';
import { loginAs } from '../support/desk';
import { body, notesDesksForEachTest, type NotesDesk } from '../support/notes';

const REASON = 'Salma has left the association; the visitor returns on Monday.';

const open = notesDesksForEachTest();

async function salmaWrites(t: NotesDesk, texts: string[], visitorId = t.visitorId): Promise<number[]> {
  await loginAs(t, t.salma);
  const ids: number[] = [];
  for (const text of texts) ids.push((await t.ok('notes.create', { visitorId, body: body(text) })).id);
  t.desk.lock('button');
  return ids;
}

describe('handing a visitor’s notes over to a colleague', () => {
  it('the recipient reads them with their author named, later notes follow, other visitors’ notes do not', async () => {
    const t = await open();
    const [first] = await salmaWrites(t, ['Before the handover']);
    const [elsewhere] = await salmaWrites(t, ['About someone else'], t.otherVisitorId);
    await loginAs(t, t.salma);
    expect(await t.call('notes.handover', { visitorId: t.visitorId, recipientId: t.salma.id })).toMatchObject({ ok: false, error: { code: 'notes.cannotGrantSelf' } });
    expect(await t.call('notes.handover', { visitorId: t.visitorId, recipientId: t.staff.desk.id })).toMatchObject({ ok: false, error: { code: 'notes.recipientNotPsychologist' } });
    expect(await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id })).toEqual({ notes: 1 });
    const later = await t.ok('notes.create', { visitorId: t.visitorId, body: body('After the handover') });
    t.desk.lock('button');

    await loginAs(t, t.nadia);
    const list = await t.ok('notes.listForVisitor', { visitorId: t.visitorId });
    expect(list.notes.map((n) => [n.id, n.author.displayName, n.access, n.mine])).toEqual([
      [later.id, t.salma.displayName, 'handover', false],
      [first, t.salma.displayName, 'handover', false],
    ]);
    expect((await t.ok('notes.get', { id: later.id })).body.text).toBe('After the handover');
    expect(await t.call('notes.get', { id: elsewhere })).toMatchObject({ ok: false, error: { code: 'notes.noAccess' } });
    t.desk.lock('button');

    await loginAs(t, t.staff.admin);
    const { entries } = await t.ok('audit.list', { limit: 500 });
    expect(entries.find((e) => e.action === 'notes.handover' && e.outcome === 'success')).toMatchObject({ userId: t.salma.id, entity: 'visitor', entityId: String(t.visitorId), detail: `recipient: ${t.nadia.id}` });
    expect(entries.find((e) => e.action === 'notes.get' && e.userId === t.nadia.id && e.outcome === 'success')).toMatchObject({ detail: 'handover' });
  });
});

describe('a handover ends', () => {
  it('by its author only, audited: her later notes stop following and the keys it gave are taken back', async () => {
    const t = await open();
    const [first] = await salmaWrites(t, ['Handed over']);
    await loginAs(t, t.salma);
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    const [handover] = (await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).handovers;
    expect(handover).toMatchObject({ recipient: { id: t.nadia.id } });
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    expect(await t.call('notes.endHandover', { id: handover.id })).toMatchObject({ ok: false, error: { code: 'notes.notFound' } });
    t.desk.lock('button');

    await loginAs(t, t.salma);
    expect(await t.ok('notes.endHandover', { id: handover.id })).toEqual({ keysTakenBack: 1 });
    expect(await t.call('notes.endHandover', { id: handover.id })).toMatchObject({ ok: false, error: { code: 'notes.notFound' } });
    expect((await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).handovers).toEqual([]);
    const later = await t.ok('notes.create', { visitorId: t.visitorId, body: body('After the end') });
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    expect(await t.call('notes.get', { id: first })).toMatchObject({ ok: false, error: { code: 'notes.noAccess' } });
    expect(await t.call('notes.get', { id: later.id })).toMatchObject({ ok: false, error: { code: 'notes.noAccess' } });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    const { entries } = await t.ok('audit.list', { limit: 500 });
    expect(entries.find((e) => e.action === 'notes.endHandover' && e.outcome === 'success')).toMatchObject({ userId: t.salma.id, entity: 'noteGrant', entityId: String(handover.id), detail: 'keys: 1' });
  });

  it('when its recipient loses the psychologist role or is disabled: later notes no longer follow her', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    await t.ok('users.update', { id: t.nadia.id, roles: ['desk'] });
    t.desk.lock('button');
    await loginAs(t, t.salma);
    expect((await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).handovers).toEqual([]);
    const whileDesk = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Not for a desk worker') });
    t.desk.lock('button');
    // Given the role back, she still gets nothing: the handover ended with the role.
    await loginAs(t, t.staff.admin);
    await t.ok('users.update', { id: t.nadia.id, roles: ['psychologist'] });
    t.desk.lock('button');
    await loginAs(t, t.salma);
    const afterwards = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Still not handed over') });
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    for (const id of [whileDesk.id, afterwards.id]) expect(await t.call('notes.get', { id })).toMatchObject({ ok: false, error: { code: 'notes.noAccess' } });
    t.desk.lock('button');

    await loginAs(t, t.salma);
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    await t.ok('users.disable', { id: t.nadia.id });
    t.desk.lock('button');
    await loginAs(t, t.salma);
    expect((await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).handovers).toEqual([]);
  });
});

describe('a notes public key changed in the database by someone holding the data key', () => {
  it('is never used: a standing handover keeps the key it pinned, break-glass refuses (audited), her next login audits the alarm before publishing hers', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    await t.ok('notes.create', { visitorId: t.visitorId, body: body('Handed over') });
    await t.ok('notes.create', { visitorId: t.otherVisitorId, body: body('For break-glass') });
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    // Nadia's published key swapped for one whose private half the attacker holds.
    const forged = x25519PublicOf(randomBytes(32)).toString('base64');
    t.desk.requireSession().db.prepare('UPDATE notes_public_keys SET public_key = ? WHERE user_id = ?').run(forged, t.nadia.id);
    const later = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Written after the swap') });
    t.desk.lock('button');

    await loginAs(t, t.staff.admin);
    const refused = await t.call('notes.breakGlass', { recoveryKey: t.recoveryKey, visitorId: t.otherVisitorId, recipientId: t.nadia.id, reason: REASON });
    expect(refused).toMatchObject({ ok: false, error: { code: 'notes.publicKeyTampered' } });
    t.desk.lock('button');

    await loginAs(t, t.nadia);
    expect((await t.ok('notes.get', { id: later.id })).body.text).toBe('Written after the swap');
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    const { entries } = await t.ok('audit.list', { limit: 500 });
    expect(entries.find((e) => e.action === 'notes.breakGlass' && e.outcome === 'failure')).toMatchObject({ detail: 'notes.publicKeyTampered' });
    expect(entries.find((e) => e.action === 'notes.publicKeyTampered')).toMatchObject({ userId: t.nadia.id, outcome: 'failure', entityId: String(t.nadia.id) });
    // Hers is published again after the alarm: break-glass works.
    expect(await t.ok('notes.breakGlass', { recoveryKey: t.recoveryKey, visitorId: t.otherVisitorId, recipientId: t.nadia.id, reason: REASON })).toEqual({ notes: 1, authors: 1 });
  });
});

describe('break-glass: an administrator with the recovery key grants a colleague one visitor’s notes', () => {
  it('with the right key and a reason the colleague reads them; the administrator sees no content; the author is told at her next login', async () => {
    const t = await open();
    const ids = await salmaWrites(t, ['Session one, private', 'Session two, private']);
    await salmaWrites(t, ['Another visitor'], t.otherVisitorId);

    await loginAs(t, t.staff.admin);
    const preview = await t.ok('notes.breakGlassPreview', { visitorCode: t.visitorCode.toLowerCase() });
    expect(preview).toEqual({ visitorId: t.visitorId, visitorCode: t.visitorCode, authors: [{ id: t.salma.id, displayName: t.salma.displayName, active: true, notes: 2 }] });
    expect(await t.call('notes.breakGlass', { recoveryKey: t.recoveryKey, visitorId: t.visitorId, recipientId: t.nadia.id, reason: 'short' })).toMatchObject({
      ok: false,
      error: { fields: { reason: 'notes.reasonTooShort' } },
    });
    const granted = await t.call('notes.breakGlass', { recoveryKey: t.recoveryKey, visitorId: t.visitorId, recipientId: t.nadia.id, reason: REASON });
    expect(granted).toEqual({ ok: true, value: { notes: 2, authors: 1 } });
    expect(JSON.stringify(granted)).not.toContain('private');
    const { entries } = await t.ok('audit.list', { limit: 500 });
    expect(entries.find((e) => e.action === 'notes.breakGlass' && e.outcome === 'success')).toMatchObject({
      userId: t.staff.admin.id,
      entityId: String(t.visitorId),
      detail: `recipient: ${t.nadia.id}; notes: 2; authors: 1`,
    });
    t.desk.lock('button');

    await loginAs(t, t.nadia);
    const list = await t.ok('notes.listForVisitor', { visitorId: t.visitorId });
    expect(list.notes.map((n) => n.access)).toEqual(['breakGlass', 'breakGlass']);
    expect((await t.ok('notes.get', { id: ids[0] })).body.text).toBe('Session one, private');
    expect((await t.ok('notes.listForVisitor', { visitorId: t.otherVisitorId })).notes).toEqual([]);
    expect(await t.ok('notes.notices', {})).toEqual([]);
    t.desk.lock('button');

    await loginAs(t, t.salma);
    const notices = await t.ok('notes.notices', {});
    expect(notices).toEqual([
      expect.objectContaining({ visitorId: t.visitorId, visitorCode: t.visitorCode, recipient: { id: t.nadia.id, displayName: t.nadia.displayName }, grantedBy: expect.objectContaining({ id: t.staff.admin.id }), reason: REASON }),
    ]);
    await t.ok('notes.acknowledgeNotice', { id: notices[0].id });
    expect(await t.ok('notes.notices', {})).toEqual([]);
    expect(await t.call('notes.acknowledgeNotice', { id: notices[0].id })).toMatchObject({ ok: false, error: { code: 'notes.notFound' } });
  });

  it('a wrong or mistyped recovery key is a clear error and grants nothing; attempts are throttled like the recovery', async () => {
    const t = await open();
    const [id] = await salmaWrites(t, ['Closed to Nadia']);
    await loginAs(t, t.staff.admin);
    const input = { visitorId: t.visitorId, recipientId: t.nadia.id, reason: REASON };
    expect(await t.call('notes.breakGlass', { ...input, recoveryKey: 'not a key' })).toMatchObject({ ok: false, error: { code: 'recovery.malformed', fields: { recoveryKey: 'recovery.malformed' } } });
    for (let i = 0; i < 4; i++) {
      expect(await t.call('notes.breakGlass', { ...input, recoveryKey: generateRecoveryKey() })).toMatchObject({ ok: false, error: { code: 'recovery.wrongKey', fields: { recoveryKey: 'recovery.wrongKey' } } });
    }
    // The fifth attempt waits, even with the right key.
    expect(await t.call('notes.breakGlass', { ...input, recoveryKey: t.recoveryKey })).toMatchObject({ ok: false, error: { code: 'auth.throttled' } });
    const { entries } = await t.ok('audit.list', { limit: 500 });
    expect(entries.filter((e) => e.action === 'notes.breakGlass' && e.outcome === 'failure').map((e) => e.detail)).toEqual(
      expect.arrayContaining(['recovery.wrongKey', 'auth.throttled']),
    );
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    expect(await t.call('notes.get', { id })).toMatchObject({ ok: false, error: { code: 'notes.noAccess' } });
    t.desk.lock('button');
    await loginAs(t, t.salma);
    expect(await t.ok('notes.notices', {})).toEqual([]);
    t.desk.lock('button');
    // Once the delay has passed, the right key works.
    t.clock.advance(10 * 60_000);
    await loginAs(t, t.staff.admin);
    expect(await t.ok('notes.breakGlass', { ...input, recoveryKey: t.recoveryKey })).toEqual({ notes: 1, authors: 1 });
  });

  it('is refused for a recipient who is no psychologist, for oneself, and for a visitor without notes', async () => {
    const t = await open();
    await salmaWrites(t, ['One note']);
    await loginAs(t, t.staff.admin);
    const input = { recoveryKey: t.recoveryKey, visitorId: t.visitorId, reason: REASON };
    expect(await t.call('notes.breakGlass', { ...input, recipientId: t.staff.desk.id })).toMatchObject({ ok: false, error: { code: 'notes.recipientNotPsychologist' } });
    expect(await t.call('notes.breakGlass', { ...input, recipientId: t.staff.admin.id })).toMatchObject({ ok: false, error: { code: 'notes.cannotGrantSelf' } });
    expect(await t.call('notes.breakGlass', { ...input, visitorId: t.otherVisitorId, recipientId: t.nadia.id })).toMatchObject({ ok: false, error: { code: 'notes.nothingToGrant' } });
    expect(await t.call('notes.breakGlassPreview', { visitorCode: 'NDR-1999-0001' })).toMatchObject({ ok: false, error: { code: 'visitors.notFound' } });
    await t.ok('visitors.anonymise', { id: t.visitorId });
    expect(await t.call('notes.breakGlass', { ...input, recipientId: t.nadia.id })).toMatchObject({ ok: false, error: { code: 'visitors.anonymised' } });
  });
});

describe('after an administrator resets a psychologist’s password', () => {
  it('her notes stay closed, even with her own password; auth.recover, the key typed and her new password typed by her, reopens them at once', async () => {
    const t = await open();
    const [id] = await salmaWrites(t, ['Written before the reset']);
    await loginAs(t, t.staff.admin);
    const { oneTimePassword } = await t.ok('users.resetPassword', { id: t.salma.id });
    t.desk.lock('button');

    await loginAs(t, { login: t.salma.login, password: oneTimePassword });
    const own = 'salma chose another long password';
    await t.ok('account.changePassword', { currentPassword: oneTimePassword, newPassword: own });
    expect(await t.ok('notes.status', {})).toEqual({ hasSecret: false });
    expect(await t.call('notes.get', { id })).toMatchObject({ ok: false, error: { code: 'notes.closed' } });
    expect(await t.call('notes.create', { visitorId: t.visitorId, body: body('x') })).toMatchObject({ ok: false, error: { code: 'notes.closed' } });
    expect(await t.call('notes.saveDraft', { key: `note-${id}`, data: body('x') })).toMatchObject({ ok: false, error: { code: 'notes.closed' } });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    expect(await t.ok('notes.closedAccounts', {})).toEqual([expect.objectContaining({ userId: t.salma.id, login: t.salma.login })]);
    t.desk.lock('button');
    // Logging in again changes nothing: nothing waits anywhere for her next login.
    await loginAs(t, { login: t.salma.login, password: own });
    expect(await t.ok('notes.status', {})).toEqual({ hasSecret: false });
    t.desk.lock('button');

    const chosen = 'salma types this new long password herself';
    expect(await t.call('auth.recover', { recoveryKey: generateRecoveryKey(), login: t.salma.login, newPassword: chosen })).toMatchObject({ ok: false, error: { code: 'recovery.wrongKey' } });
    await t.ok('auth.recover', { recoveryKey: t.recoveryKey, login: t.salma.login, newPassword: chosen });
    expect(await t.ok('notes.status', {})).toEqual({ hasSecret: true });
    expect((await t.ok('notes.get', { id })).body.text).toBe('Written before the reset');
    t.desk.lock('button');
    await loginAs(t, { login: t.salma.login, password: chosen });
    expect((await t.ok('notes.get', { id })).body.text).toBe('Written before the reset');
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    expect(await t.ok('notes.closedAccounts', {})).toEqual([]);
  });

  it('no administrator call brings her secret back: reset, log in as her, set his own password, use the recovery key: her notes stay closed', async () => {
    const t = await open();
    const [id] = await salmaWrites(t, ['Not for the administrator']);
    await loginAs(t, t.staff.admin);
    const { oneTimePassword } = await t.ok('users.resetPassword', { id: t.salma.id });
    t.desk.lock('button');
    // The administrator knows the one-time password: he logs in as her and picks his own.
    const his = 'the administrator now knows this password';
    await loginAs(t, { login: t.salma.login, password: oneTimePassword });
    await t.ok('account.changePassword', { currentPassword: oneTimePassword, newPassword: his });
    t.desk.lock('button');

    await loginAs(t, t.staff.admin);
    // No procedure restores a secret to an account, and break-glass cannot name him or her as recipient of her own notes.
    const restore = await t.router.dispatch(t.desk, 'notes.restoreSecret', { userId: t.salma.id, recoveryKey: t.recoveryKey });
    expect(restore).toMatchObject({ ok: false, error: { code: 'call.unknownProcedure' } });
    expect(await t.call('notes.breakGlass', { recoveryKey: t.recoveryKey, visitorId: t.visitorId, recipientId: t.salma.id, reason: REASON })).toMatchObject({
      ok: false,
      error: { code: 'notes.nothingToGrant' },
    });
    t.desk.lock('button');

    await loginAs(t, { login: t.salma.login, password: his });
    expect(await t.ok('notes.status', {})).toEqual({ hasSecret: false });
    expect(await t.call('notes.get', { id })).toMatchObject({ ok: false, error: { code: 'notes.closed' } });
  });
});
