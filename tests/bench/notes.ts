import type { Db } from '../../main/core/db/database';
import { beginImmediate } from '../../main/core/db/transaction';
import { authorWrapKeyOf, newNoteKey, openBody, sealBody, unwrapForAuthor } from '../../main/core/notes/keys';
import { sealNoteAs } from '../../main/core/notes/seed';
import { getNoteRow, keyFor, notesReadableBy } from '../../main/core/notes/service';
import { wipe } from '../../main/core/vault/crypto';
import { randomGenerator } from '../../main/core/visitors/seed';
import type { NoteBody } from '../../shared/domain/notes';
import { table } from './measure';
import { listeningUnit, type ListeningUnit } from './listening-unit';
import { compared, interleaved, p50p95, sideBySideOf } from './side-by-side';

const TEXT =
  "Séance de suivi. Elle dit dormir un peu mieux depuis la dernière fois ; les cauchemars reviennent moins souvent. Inquiète pour ses enfants restés au pays, elle attend des nouvelles. Exercices de respiration repris ensemble. Elle souhaite revenir dans deux semaines, avec l'interprète.";
const BODY: NoteBody = { text: TEXT, sessionKind: 'followUp', followUpPlanned: true, riskLevel: 'low' };

/** Her note about a visitor, as notes.create writes it: the wrap key from her secret, a fresh note key, the sealed body and its wrapped key, committed. */
function writeNote(db: Db, author: ListeningUnit['author'], visitorId: number): void {
  const wrapKey = authorWrapKeyOf(author.secret);
  const transaction = beginImmediate(db);
  try {
    sealNoteAs(db, { id: author.id, wrapKey }, { visitorId, appointmentId: null, body: BODY }, new Date());
    transaction.commit();
  } catch (error) {
    transaction.rollback();
    throw error;
  } finally {
    wipe(wrapKey);
  }
}

/** Her notes about a visitor, as the screen opens them: the list (notes.listForVisitor), then each body unsealed (notes.get). */
function openNotes(db: Db, author: ListeningUnit['author'], visitorId: number): number {
  const { notes } = notesReadableBy(db, author.id, visitorId);
  const wrapKey = authorWrapKeyOf(author.secret);
  try {
    for (const summary of notes) {
      const row = getNoteRow(db, summary.id);
      const held = keyFor(db, row.id, author.id);
      if (!held) throw new Error('bench: a note of hers without her key');
      const context = { noteId: row.id, visitorId: row.visitor_id, authorId: row.author_id, appointmentId: row.appointment_id };
      const noteKey = unwrapForAuthor(wrapKey, context, held.wrapped);
      try {
        openBody(noteKey, context, row.body);
      } finally {
        wipe(noteKey);
      }
    }
  } finally {
    wipe(wrapKey);
  }
  return notes.length;
}

export async function benchNotes(visitors: number): Promise<void> {
  const unit = await listeningUnit(visitors);
  const sides = sideBySideOf(unit.database, unit.dataKey, true);
  try {
    const hers = (sides.encrypted.prepare('SELECT DISTINCT visitor_id AS id FROM session_notes WHERE author_id = ? ORDER BY visitor_id').all(unit.author.id) as { id: number }[]).map((r) => r.id);
    const opened: number[] = [];
    const { plain, encrypted } = interleaved(sides, ['write', 'open'] as const, 5, (db, round) => {
      const random = randomGenerator(500 + round);
      const out = { write: [] as number[], open: [] as number[] };
      for (let i = 0; i < (round < 0 ? 5 : 40); i++) {
        const visitorId = random.pick(hers);
        let started = performance.now();
        const count = openNotes(db, unit.author, visitorId);
        out.open.push(performance.now() - started);
        if (db === sides.encrypted && round >= 0) opened.push(count);
        started = performance.now();
        writeNote(db, unit.author, visitorId);
        out.write.push(performance.now() - started);
      }
      return out;
    });
    // The sealing alone, without SQL: what a note costs the seed beyond its rows.
    const sealing: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const started = performance.now();
      const wrapKey = authorWrapKeyOf(unit.author.secret);
      const noteKey = newNoteKey();
      sealBody(noteKey, { noteId: i + 1, visitorId: 1, authorId: unit.author.id, appointmentId: null }, BODY);
      wipe(wrapKey, noteKey);
      sealing.push(performance.now() - started);
    }
    const mean = opened.reduce((a, b) => a + b, 0) / Math.max(1, opened.length);
    table(`Private notes: ${unit.made.notes.toLocaleString('en')} seeded, one per done session (${unit.made.statuses.done.toLocaleString('en')}); her ${hers.length} visitors; p50 / p95`, [
      ['sealing one note alone (keys, AES-256-GCM, no SQL)', p50p95(sealing)],
    ]);
    compared('Write a note: seal and insert, one durable transaction each', plain.write, encrypted.write);
    compared(`Open a visitor's notes: list and unseal each (${mean.toFixed(1)} notes on average)`, plain.open, encrypted.open);
  } finally {
    sides.close();
  }
}
