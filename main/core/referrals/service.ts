import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import {
  REFERRAL_TRANSITIONS,
  type PartnerKind,
  type PartnerView,
  type ReferralSlip,
  type ReferralEvent,
  type ReferralStatus,
  type ReferralView,
} from '../../../shared/domain/referrals';
import type { Need } from '../../../shared/domain/visitors';
import { normalisePhone } from '../../../shared/domain/phone';
import type { Actor } from '../visitors/service';
import { readSettings } from '../settings/service';

interface PartnerRow {
  id: number;
  name: string;
  kind: PartnerKind;
  services: string;
  address: string | null;
  phone: string | null;
  active: 0 | 1;
}

const toPartner = (row: PartnerRow): PartnerView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  services: JSON.parse(row.services) as Need[],
  address: row.address,
  phone: row.phone,
  active: row.active === 1,
});

export type PartnerFields = Omit<PartnerView, 'id'>;

function partnerPhone(phone: string | null): string | null {
  if (!phone || !phone.trim()) return null;
  const normalised = normalisePhone(phone);
  if (!normalised) throw new AppError('call.invalidInput', { fields: { phone: 'phone.invalid' } });
  return normalised;
}

export function listPartners(db: Db, includeInactive: boolean): PartnerView[] {
  const rows = db
    .prepare(`SELECT * FROM partners ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name COLLATE NOCASE`)
    .all() as PartnerRow[];
  return rows.map(toPartner);
}

export function getPartner(db: Db, id: number): PartnerView {
  const row = statement(db, 'SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  if (!row) throw new AppError('partners.notFound');
  return toPartner(row);
}

export function createPartner(db: Db, fields: PartnerFields, now: Date): PartnerView {
  const at = now.toISOString();
  const result = db
    .prepare('INSERT INTO partners (name, kind, services, address, phone, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(fields.name, fields.kind, JSON.stringify(fields.services), fields.address, partnerPhone(fields.phone), fields.active ? 1 : 0, at, at);
  return getPartner(db, Number(result.lastInsertRowid));
}

export function updatePartner(db: Db, id: number, fields: PartnerFields, now: Date): PartnerView {
  getPartner(db, id);
  statement(db, 'UPDATE partners SET name = ?, kind = ?, services = ?, address = ?, phone = ?, active = ?, updated_at = ? WHERE id = ?').run(
    fields.name,
    fields.kind,
    JSON.stringify(fields.services),
    fields.address,
    partnerPhone(fields.phone),
    fields.active ? 1 : 0,
    now.toISOString(),
    id,
  );
  return getPartner(db, id);
}

interface ReferralRow {
  id: number;
  visitor_id: number;
  code: string;
  partner_id: number;
  partner_name: string;
  service: Need;
  referred_on: string;
  status: ReferralStatus;
  status_reason: string | null;
  follow_up_on: string | null;
  consent_override_reason: string | null;
  created_at: string;
  login: string | null;
}

const SELECT_REFERRAL = `
  SELECT r.*, v.code, p.name AS partner_name, u.login FROM referrals r
  JOIN visitors v ON v.id = r.visitor_id
  JOIN partners p ON p.id = r.partner_id
  LEFT JOIN users u ON u.id = r.created_by`;

/** The events of the given referrals, grouped by referral, oldest first. */
function eventsOf(db: Db, referralIds: number[]): Map<number, ReferralEvent[]> {
  const events = new Map<number, ReferralEvent[]>(referralIds.map((id) => [id, []]));
  if (referralIds.length === 0) return events;
  const rows = statement(
    db,
    `SELECT e.referral_id, e.status, e.reason, e.at, u.login FROM referral_events e LEFT JOIN users u ON u.id = e.by_user
     WHERE e.referral_id IN (SELECT value FROM json_each(?)) ORDER BY e.id`,
  ).all(JSON.stringify(referralIds)) as { referral_id: number; status: ReferralStatus; reason: string | null; at: string; login: string | null }[];
  for (const row of rows) events.get(row.referral_id)?.push({ status: row.status, reason: row.reason, at: row.at, by: row.login });
  return events;
}

const toReferral = (row: ReferralRow, events: ReferralEvent[]): ReferralView => ({
  id: row.id,
  visitorId: row.visitor_id,
  visitorCode: row.code,
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  service: row.service,
  referredOn: row.referred_on,
  status: row.status,
  statusReason: row.status_reason,
  followUpOn: row.follow_up_on,
  consentOverridden: row.consent_override_reason !== null,
  createdAt: row.created_at,
  createdBy: row.login,
  events,
});

export function getReferral(db: Db, id: number): ReferralView {
  const row = statement(db, `${SELECT_REFERRAL} WHERE r.id = ?`).get(id) as ReferralRow | undefined;
  if (!row) throw new AppError('referrals.notFound');
  return toReferral(row, eventsOf(db, [id]).get(id) ?? []);
}

function withEvents(db: Db, rows: ReferralRow[]): ReferralView[] {
  const events = eventsOf(db, rows.map((r) => r.id));
  return rows.map((row) => toReferral(row, events.get(row.id) ?? []));
}

export function referralsOf(db: Db, visitorId: number): ReferralView[] {
  const rows = statement(db, `${SELECT_REFERRAL} WHERE r.visitor_id = ? ORDER BY r.referred_on DESC, r.id DESC`).all(visitorId) as ReferralRow[];
  return withEvents(db, rows);
}

export interface NewReferral {
  visitorId: number;
  partnerId: number;
  service: Need;
  referredOn: string;
  followUpOn: string | null;
  consentOverrideReason: string | null;
}

export function insertReferral(db: Db, actor: Actor, input: NewReferral, now: Date): ReferralView {
  const partner = getPartner(db, input.partnerId);
  if (!partner.active) throw new AppError('partners.notFound', { fields: { partnerId: 'partners.inactive' } });
  const at = now.toISOString();
  const result = statement(
    db,
    `INSERT INTO referrals (visitor_id, partner_id, service, referred_on, status, follow_up_on, consent_override_reason, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?)`,
  ).run(input.visitorId, input.partnerId, input.service, input.referredOn, input.followUpOn, input.consentOverrideReason, at, actor.id, at);
  const id = Number(result.lastInsertRowid);
  statement(db, `INSERT INTO referral_events (referral_id, status, reason, at, by_user) VALUES (?, 'proposed', NULL, ?, ?)`).run(id, at, actor.id);
  return getReferral(db, id);
}

export function setReferralStatus(
  db: Db,
  actor: Actor,
  input: { id: number; status: ReferralStatus; reason: string | null; followUpOn?: string | null },
  now: Date,
): ReferralView {
  const referral = getReferral(db, input.id);
  if (referral.status !== input.status && !REFERRAL_TRANSITIONS[referral.status].includes(input.status)) {
    throw new AppError('referrals.invalidTransition', { params: { from: referral.status, to: input.status } });
  }
  const at = now.toISOString();
  statement(db, 'UPDATE referrals SET status = ?, status_reason = ?, follow_up_on = ?, updated_at = ? WHERE id = ?').run(
    input.status,
    input.reason,
    input.followUpOn === undefined ? referral.followUpOn : input.followUpOn,
    at,
    input.id,
  );
  statement(db, 'INSERT INTO referral_events (referral_id, status, reason, at, by_user) VALUES (?, ?, ?, ?, ?)').run(
    input.id,
    input.status,
    input.reason,
    at,
    actor.id,
  );
  return getReferral(db, input.id);
}

/** Open referrals whose follow-up date has come (or has no date and is older than a week). */
export function followUpsDue(db: Db, on: string): ReferralView[] {
  const rows = db
    .prepare(
      `${SELECT_REFERRAL}
       WHERE r.status IN ('proposed', 'sent', 'accepted') AND v.anonymised_at IS NULL
         AND (r.follow_up_on <= @on OR (r.follow_up_on IS NULL AND r.referred_on <= date(@on, '-7 days')))
       ORDER BY coalesce(r.follow_up_on, r.referred_on), r.id`,
    )
    .all({ on }) as ReferralRow[];
  return withEvents(db, rows);
}

export function referralSlip(db: Db, id: number, issuedBy: string): ReferralSlip {
  const referral = getReferral(db, id);
  const partner = getPartner(db, referral.partnerId);
  const visitor = db
    .prepare('SELECT first_name, last_name, languages, interpreter_language FROM visitors WHERE id = ?')
    .get(referral.visitorId) as { first_name: string | null; last_name: string | null; languages: string; interpreter_language: string | null };
  const name = [visitor.first_name, visitor.last_name].filter(Boolean).join(' ');
  return {
    organisation: readSettings(db).organisationName || null,
    referralId: referral.id,
    visitorCode: referral.visitorCode,
    visitorName: name || null,
    partner: { name: partner.name, address: partner.address, phone: partner.phone },
    service: referral.service,
    referredOn: referral.referredOn,
    languages: JSON.parse(visitor.languages) as string[],
    interpreterLanguage: visitor.interpreter_language,
    issuedBy,
  };
}
