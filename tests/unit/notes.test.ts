import { describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH } from '../../shared/domain/notes';
import { loginAs } from '../support/desk';
import { body, filesHolding, notesDesksForEachTest, rawOpen, tablesHolding, type NotesDesk } from '../support/notes';

const CANARY = 'Qk7notecanaryZ3';

const open = notesDesksForEachTest();

async function auditOf(t: NotesDesk) {
  await loginAs(t, t.staff.admin);
  const { entries } = await t.ok('audit.list', { limit: 500 });
  t.desk.lock('button');
  return entries;
}

describe('private session notes: only their author reads them', () => {
  it('the author writes and reads her note; another psychologist holds no key to it', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const note = await t.ok('notes.create', { visitorId: t.visitorId, body: body('She slept better this week.') });
    expect(note).toMatchObject({ mine: true, access: 'own', author: { id: t.salma.id }, visitorCode: t.visitorCode });
    expect((await t.ok('notes.get', { id: note.id })).body).toEqual(body('She slept better this week.'));
    expect((await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).notes.map((n) => n.id)).toEqual([note.id]);
    t.desk.lock('button');

    await loginAs(t, t.nadia);
    expect(await t.call('notes.get', { id: note.id })).toMatchObject({ ok: false, error: { code: 'notes.noAccess' } });
    expect(await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).toMatchObject({ notes: [] });
    t.desk.lock('button');

    const entries = await auditOf(t);
    const ofNote = entries.filter((e) => e.entity === 'note' && e.entityId === String(note.id));
    expect(ofNote.map((e) => [e.action, e.userId, e.outcome])).toEqual(
      expect.arrayContaining([
        ['notes.create', t.salma.id, 'success'],
        ['notes.get', t.salma.id, 'success'],
        ['notes.get', t.nadia.id, 'failure'],
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain('slept');
  });

  it('a call with the administrator’s or a desk worker’s session is refused and audited', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const note = await t.ok('notes.create', { visitorId: t.visitorId, body: body('Private') });
    t.desk.lock('button');
    for (const member of [t.staff.admin, t.staff.desk]) {
      await loginAs(t, member);
      for (const [name, input] of [
        ['notes.get', { id: note.id }],
        ['notes.listForVisitor', { visitorId: t.visitorId }],
        ['notes.create', { visitorId: t.visitorId, body: body('x') }],
        ['notes.getDraft', { key: `note-${note.id}` }],
      ] as const) {
        expect(await t.router.dispatch(t.desk, name, input)).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      }
      t.desk.lock('button');
    }
    const refused = (await auditOf(t)).filter((e) => e.action === 'notes.get' && e.outcome === 'refused');
    expect(refused.map((e) => e.userId).sort()).toEqual([t.staff.admin.id, t.staff.desk.id].sort());
  });

  it('editing another’s note is refused, even one handed over to her; the author edits her own', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const note = await t.ok('notes.create', { visitorId: t.visitorId, body: body('First version') });
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    expect(await t.call('notes.update', { id: note.id, body: body('Overwritten') })).toMatchObject({ ok: false, error: { code: 'notes.notAuthor' } });
    expect((await t.ok('notes.get', { id: note.id })).body.text).toBe('First version');
    t.desk.lock('button');
    await loginAs(t, t.salma);
    await t.ok('notes.update', { id: note.id, body: body('Second version') });
    expect((await t.ok('notes.get', { id: note.id })).body.text).toBe('Second version');
  });

  it(`a 50,000-character note is refused with notes.tooLong; ${NOTE_MAX_LENGTH} characters are kept whole`, async () => {
    const t = await open();
    await loginAs(t, t.salma);
    expect(await t.call('notes.create', { visitorId: t.visitorId, body: body('a'.repeat(50_000)) })).toEqual({
      ok: false,
      error: { code: 'call.invalidInput', fields: { 'body.text': 'notes.tooLong' } },
    });
    expect(await t.call('notes.saveDraft', { key: `newForVisitor-${t.visitorId}`, data: body('a'.repeat(50_000)) })).toMatchObject({
      ok: false,
      error: { fields: { 'data.text': 'notes.tooLong' } },
    });
    expect((await t.ok('notes.listForVisitor', { visitorId: t.visitorId })).notes).toEqual([]);
    // Counted as a person counts: one emoji is one character.
    const longest = '🌿'.repeat(NOTE_MAX_LENGTH);
    const note = await t.ok('notes.create', { visitorId: t.visitorId, body: body(longest) });
    expect((await t.ok('notes.get', { id: note.id })).body.text).toBe(longest);
    expect(await t.call('notes.create', { visitorId: t.visitorId, body: body(' \n ') })).toMatchObject({ ok: false, error: { fields: { 'body.text': 'required' } } });
  });

  it('a draft is sealed as she types, survives a lock, and is never in the plain drafts table', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const key = `newForVisitor-${t.visitorId}`;
    await t.ok('notes.saveDraft', { key, data: body(`${CANARY} half a sentence`) });
    t.desk.lock('idle');
    await loginAs(t, t.salma);
    expect(await t.ok('notes.getDraft', { key })).toMatchObject({ data: body(`${CANARY} half a sentence`) });
    const dataKey = Buffer.from(t.desk.requireSession().dataKey);
    const db = rawOpen(t.dir, dataKey);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM note_drafts').get()).toEqual({ n: 1 });
      expect(tablesHolding(db, CANARY)).toEqual([]);
    } finally {
      db.close();
    }
    t.desk.lock('button');
    // Another psychologist's drafts are hers alone: the same key finds nothing.
    await loginAs(t, t.nadia);
    expect(await t.ok('notes.getDraft', { key })).toBeNull();
    t.desk.lock('button');
    await loginAs(t, t.salma);
    await t.ok('notes.discardDraft', { key });
    expect(await t.ok('notes.getDraft', { key })).toBeNull();
  });

  it('with the data key, every table and every file of the data folder hold no byte of a note, a draft or a shared note', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    for (let i = 0; i < 5; i++) await t.ok('notes.create', { visitorId: t.visitorId, body: body(`${CANARY} note ${i}`) });
    await t.ok('notes.saveDraft', { key: `newForVisitor-${t.visitorId}`, data: body(`${CANARY} draft`) });
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    t.desk.lock('button');
    await loginAs(t, t.nadia);
    const shared = await t.ok('notes.listForVisitor', { visitorId: t.visitorId });
    expect(shared.notes).toHaveLength(5);
    for (const note of shared.notes) expect((await t.ok('notes.get', { id: note.id })).body.text).toContain(CANARY);
    t.desk.lock('button');

    // The administrator's session holds the data key; it opens the database and finds nothing.
    await loginAs(t, t.staff.admin);
    const dataKey = Buffer.from(t.desk.requireSession().dataKey);
    const db = rawOpen(t.dir, dataKey);
    try {
      expect((db.prepare('SELECT count(*) AS n FROM session_notes').get() as { n: number }).n).toBe(5);
      expect(tablesHolding(db, CANARY)).toEqual([]);
      // The structured fields are sealed too: no risk level in clear (the session kinds' own table names 'followUp').
      expect(tablesHolding(db, 'moderate')).toEqual([]);
      expect(tablesHolding(db, '"followUpPlanned"')).toEqual([]);
    } finally {
      db.close();
    }
    expect(filesHolding(t.dir, CANARY)).toEqual([]);
    t.desk.lock('button');
    expect(filesHolding(t.dir, CANARY)).toEqual([]);
  });

  it('a note for an appointment is hers only when the appointment was hers', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    expect(await t.call('notes.create', { appointmentId: 999, body: body('x') })).toMatchObject({ ok: false, error: { code: 'notes.appointmentNotFound' } });
    expect(await t.call('notes.create', { body: body('x') })).toMatchObject({ ok: false, error: { code: 'call.invalidInput', fields: { visitorId: 'required' } } });
    // Two done sessions as the schedule records them (its handlers are another namespace's): one hers, one Nadia's.
    const { db } = t.desk.requireSession();
    const book = db.prepare(
      `INSERT INTO appointments (visitor_id, psychologist_id, place_id, kind_id, starts_at, ends_at, status, created_at, created_by, updated_at)
       VALUES (?, ?, (SELECT min(id) FROM places), (SELECT min(id) FROM session_kinds), '2026-11-28T09:00:00.000Z', '2026-11-28T10:00:00.000Z', 'done', ?, ?, ?)`,
    );
    const at = '2026-11-28T10:00:00.000Z';
    const hers = Number(book.run(t.visitorId, t.salma.id, at, t.salma.id, at).lastInsertRowid);
    const nadias = Number(book.run(t.visitorId, t.nadia.id, at, t.salma.id, at).lastInsertRowid);
    const note = await t.ok('notes.create', { appointmentId: hers, body: body('After the session') });
    expect(note).toMatchObject({ appointmentId: hers, visitorId: t.visitorId });
    expect(await t.call('notes.create', { appointmentId: hers, visitorId: t.otherVisitorId, body: body('x') })).toMatchObject({ ok: false, error: { code: 'notes.notYourAppointment' } });
    expect(await t.call('notes.create', { appointmentId: nadias, body: body('x') })).toMatchObject({ ok: false, error: { code: 'notes.notYourAppointment' } });
  });
});

describe('anonymising a visitor', () => {
  it('erases her session notes for good, with their keys, grants and drafts; other visitors’ notes stay', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const hers = await t.ok('notes.create', { visitorId: t.visitorId, body: body('About her') });
    const other = await t.ok('notes.create', { visitorId: t.otherVisitorId, body: body('About someone else') });
    await t.ok('notes.handover', { visitorId: t.visitorId, recipientId: t.nadia.id });
    await t.ok('notes.saveDraft', { key: `note-${hers.id}`, data: body('An edit not saved') });
    await t.ok('notes.saveDraft', { key: `newForVisitor-${t.visitorId}`, data: body('A note not finished') });
    await t.ok('notes.saveDraft', { key: `newForVisitor-${t.otherVisitorId}`, data: body('Kept') });
    t.desk.lock('button');

    await loginAs(t, t.staff.admin);
    await t.ok('visitors.anonymise', { id: t.visitorId });
    const db = rawOpen(t.dir, Buffer.from(t.desk.requireSession().dataKey));
    try {
      const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM session_notes WHERE visitor_id = ?', t.visitorId)).toBe(0);
      expect(count('SELECT count(*) AS n FROM note_keys WHERE note_id = ?', hers.id)).toBe(0);
      expect(count('SELECT count(*) AS n FROM note_grants WHERE visitor_id = ?', t.visitorId)).toBe(0);
      expect((db.prepare('SELECT draft_key FROM note_drafts').all() as { draft_key: string }[]).map((r) => r.draft_key)).toEqual([`newForVisitor-${t.otherVisitorId}`]);
    } finally {
      db.close();
    }
    t.desk.lock('button');
    await loginAs(t, t.salma);
    expect(await t.call('notes.get', { id: hers.id })).toMatchObject({ ok: false, error: { code: 'notes.notFound' } });
    expect((await t.ok('notes.get', { id: other.id })).body.text).toBe('About someone else');
  });
});

describe('a sealed body', () => {
  it('is padded to a whole bucket: its length does not tell the risk level', async () => {
    const t = await open();
    await loginAs(t, t.salma);
    const ids: number[] = [];
    for (const riskLevel of ['none', 'low', 'moderate', 'high'] as const) {
      ids.push((await t.ok('notes.create', { visitorId: t.visitorId, body: { ...body('Same words'), riskLevel } })).id);
    }
    const db = rawOpen(t.dir, Buffer.from(t.desk.requireSession().dataKey));
    try {
      const lengths = ids.map((id) => (db.prepare('SELECT length(body) AS n FROM session_notes WHERE id = ?').get(id) as { n: number }).n);
      expect(new Set(lengths).size).toBe(1);
    } finally {
      db.close();
    }
    expect((await t.ok('notes.get', { id: ids[3] })).body).toMatchObject({ text: 'Same words', riskLevel: 'high' });
  });
});
