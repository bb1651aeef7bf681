import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import type { Role } from '../../../shared/domain/accounts';
import type { IntakeInput } from '../../../shared/contract/intakes';
import type { IntakeView } from '../../../shared/domain/visitor-views';
import type { Need, Orientation, ViolenceType, Vulnerability } from '../../../shared/domain/visitors';
import { seesDisclosure, seesViolenceType } from '../../../shared/domain/policy';
import type { Actor } from '../visitors/service';

interface IntakeRow {
  id: number;
  visitor_id: number;
  visit_date: string;
  needs: string;
  urgency: IntakeView['urgency'];
  orientation: Orientation;
  desk_notes: string | null;
  vulnerabilities: string;
  violence_disclosed: 0 | 1;
  referred_to_listening: 0 | 1;
  created_at: string;
  login: string | null;
  violence_type: ViolenceType | null;
}

export function recordIntake(db: Db, actor: Actor, input: IntakeInput, now: Date): number {
  const at = now.toISOString();
  const disclosed = input.violence.disclosed;
  const result = statement(
    db,
    `INSERT INTO intakes (visitor_id, visit_date, needs, urgency, orientation, desk_notes, vulnerabilities,
         violence_disclosed, referred_to_listening, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
      input.visitorId,
      input.visitDate,
      JSON.stringify(input.needs),
      input.urgency,
      input.orientation,
      input.deskNotes,
      JSON.stringify(input.vulnerabilities),
      disclosed ? 1 : 0,
      disclosed || input.orientation === 'listeningUnit' ? 1 : 0,
      at,
      actor.id,
    );
  const id = Number(result.lastInsertRowid);
  if (disclosed && input.violence.type) {
    statement(db, 'INSERT INTO disclosures (intake_id, violence_type, recorded_at, recorded_by) VALUES (?, ?, ?, ?)').run(
      id,
      input.violence.type,
      at,
      actor.id,
    );
  }
  return id;
}

/**
 * Intakes as the viewer may see them: psychologists see the type of violence
 * disclosed; desk staff see only that the person was referred to the listening
 * unit; administrators (without another role) see nothing clinical at all, not even
 * the orientation or the referral to the listening unit, which give a disclosure away.
 */
export function intakesFor(db: Db, visitorId: number, roles: readonly Role[]): IntakeView[] {
  const clinical = seesViolenceType(roles);
  const disclosure = seesDisclosure(roles);
  const rows = statement(
    db,
    `SELECT i.*, u.login, d.violence_type FROM intakes i
       LEFT JOIN users u ON u.id = i.created_by
       LEFT JOIN disclosures d ON d.intake_id = i.id
       WHERE i.visitor_id = ? ORDER BY i.visit_date DESC, i.id DESC`,
  ).all(visitorId) as IntakeRow[];
  return rows.map((row) => ({
    id: row.id,
    visitDate: row.visit_date,
    needs: JSON.parse(row.needs) as Need[],
    urgency: row.urgency,
    orientation: disclosure ? row.orientation : null,
    deskNotes: row.desk_notes,
    vulnerabilities: JSON.parse(row.vulnerabilities) as Vulnerability[],
    referredToListeningUnit: disclosure ? row.referred_to_listening === 1 : null,
    violenceDisclosed: disclosure ? row.violence_disclosed === 1 : null,
    violenceType: clinical ? row.violence_type : null,
    createdAt: row.created_at,
    createdBy: row.login,
  }));
}

/** The violence details of one intake: psychologists only (the contract says so, and this checks again). */
export function disclosureOf(db: Db, intakeId: number, roles: readonly Role[]): { intakeId: number; violenceType: ViolenceType | null } {
  if (!seesViolenceType(roles)) throw new AppError('call.forbidden');
  const intake = statement(db, 'SELECT id FROM intakes WHERE id = ?').get(intakeId);
  if (!intake) throw new AppError('intakes.notFound');
  const row = statement(db, 'SELECT violence_type FROM disclosures WHERE intake_id = ?').get(intakeId) as { violence_type: ViolenceType } | undefined;
  return { intakeId, violenceType: row?.violence_type ?? null };
}

/** The visitors not anonymised who disclosed violence at an intake, oldest first: whom a seed gives listening sessions first. */
export function visitorsWithDisclosure(db: Db): number[] {
  return (
    statement(
      db,
      `SELECT DISTINCT i.visitor_id AS id FROM intakes i JOIN visitors v ON v.id = i.visitor_id
       WHERE i.violence_disclosed = 1 AND v.anonymised_at IS NULL ORDER BY i.visitor_id`,
    ).all() as { id: number }[]
  ).map((r) => r.id);
}
