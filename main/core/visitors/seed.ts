import type { Db } from '../db/database';
import { CONSENT_KINDS, FAMILY_SITUATIONS, HOUSING_SITUATIONS, NEEDS, VIOLENCE_TYPES, VULNERABILITIES, type VisitorFields } from '../../../shared/domain/visitors';
import { recordConsent } from '../consents/service';
import { recordIntake } from '../intakes/service';
import { insertReferral, listPartners } from '../referrals/service';
import { insertVisitor } from './service';

/** A small, fast, seedable generator (mulberry32): the same seed gives the same data. */
export function randomGenerator(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const some = <T>(items: readonly T[], max: number): T[] => {
    const count = int(0, max);
    const chosen = new Set<T>();
    for (let i = 0; i < count; i++) chosen.add(pick(items));
    return [...chosen];
  };
  return { next, int, pick, chance, some };
}

/** Origin countries weighted roughly as the desk in Nador sees them, with names in their usual script. */
const ORIGINS: { country: VisitorFields['nationality']; weight: number; script: 'latin' | 'arabic'; languages: VisitorFields['languages'] }[] = [
  { country: 'GN', weight: 18, script: 'latin', languages: ['fr', 'ff', 'sus'] },
  { country: 'CI', weight: 14, script: 'latin', languages: ['fr', 'dyu'] },
  { country: 'ML', weight: 12, script: 'latin', languages: ['bm', 'fr'] },
  { country: 'SN', weight: 8, script: 'latin', languages: ['wo', 'fr'] },
  { country: 'CM', weight: 10, script: 'latin', languages: ['fr', 'en'] },
  { country: 'NG', weight: 8, script: 'latin', languages: ['en', 'ha', 'yo'] },
  { country: 'CD', weight: 6, script: 'latin', languages: ['fr', 'ln', 'sw'] },
  { country: 'BF', weight: 4, script: 'latin', languages: ['fr'] },
  { country: 'SD', weight: 10, script: 'arabic', languages: ['ar'] },
  { country: 'TD', weight: 3, script: 'arabic', languages: ['ar', 'fr'] },
  { country: 'SY', weight: 3, script: 'arabic', languages: ['ar'] },
  { country: 'YE', weight: 2, script: 'arabic', languages: ['ar'] },
  { country: 'DZ', weight: 2, script: 'arabic', languages: ['ar', 'fr'] },
];

const LATIN_FEMALE = ['Aïssatou', 'Fatoumata', 'Mariama', 'Kadiatou', 'Aminata', 'Awa', 'Hawa', 'Djeneba', 'Fanta', 'Oumou', 'Grace', 'Blessing', 'Esther', 'Chantal', 'Mireille', 'Rose', 'Adjoa', 'Ramatoulaye', 'Salimata', 'Nafissatou', 'Joséphine', 'Bintou', 'Rokia', 'Khadidiatou', 'Ndeye', 'Sokhna', 'Precious', 'Mercy', 'Clarisse', 'Honorine'];
const LATIN_MALE = ['Mamadou', 'Ibrahima', 'Ousmane', 'Moussa', 'Abdoulaye', 'Sekou', 'Lamine', 'Boubacar', 'Souleymane', 'Cheikh', 'Emmanuel', 'Samuel', 'Patrick', 'Junior', 'Yao', 'Kouassi', 'Daouda', 'Issa', 'Modou', 'Chinedu'];
const LATIN_FAMILY = ['Diallo', 'Bah', 'Barry', 'Sow', 'Camara', 'Keïta', 'Traoré', 'Coulibaly', 'Koné', 'Touré', 'Diarra', 'Sylla', 'Cissé', 'Ndiaye', 'Diop', 'Fall', 'Kouamé', 'Konaté', 'Ouédraogo', 'Sawadogo', 'Mbarga', 'Nkongho', 'Okafor', 'Adeyemi', 'Mukendi', 'Kabila', 'Tshibangu', 'Nguema', 'Baldé', 'Condé'];
const ARABIC_FEMALE = ['فاطمة', 'مريم', 'عائشة', 'خديجة', 'زينب', 'آمنة', 'حليمة', 'سعاد', 'نور', 'هدى', 'إيمان', 'أسماء', 'سلمى', 'رقية', 'هاجر'];
const ARABIC_MALE = ['محمد', 'أحمد', 'عمر', 'علي', 'إبراهيم', 'يوسف', 'عثمان', 'حسن', 'آدم', 'عبد الله'];
const ARABIC_FAMILY = ['عبد الرحمن', 'الحسن', 'إدريس', 'موسى', 'عيسى', 'النور', 'الطيب', 'بشير', 'الخليل', 'صالح', 'الأمين', 'يعقوب', 'حامد', 'عوض', 'الزين'];
const ALIASES = ['Maman Awa', 'Tata', 'La Guinéenne', 'Mama Grace', 'Petite', 'أم محمد', 'أم يوسف', 'Big Mama', 'Kadi', 'Fifi'];

export interface SeedOptions {
  visitors: number;
  seed: number;
  /** The staff member the data is recorded as (an existing user id). */
  actorId: number;
  prefix: string;
  now: Date;
  onProgress?: (done: number) => void;
}

/**
 * Realistic synthetic visitors with consents, intakes and referrals, written in
 * batches of one transaction each. For demonstrations and the benchmark only:
 * never in a desk's real data folder.
 */
export function seedVisitors(db: Db, options: SeedOptions): { visitors: number; intakes: number; referrals: number } {
  const random = randomGenerator(options.seed);
  const actor = { id: options.actorId };
  const partners = listPartners(db, false);
  const totalWeight = ORIGINS.reduce((sum, o) => sum + o.weight, 0);
  const origin = () => {
    let roll = random.next() * totalWeight;
    for (const o of ORIGINS) if ((roll -= o.weight) < 0) return o;
    return ORIGINS[0];
  };
  const year = options.now.getUTCFullYear();
  let intakes = 0;
  let referrals = 0;
  const batch = 2000;
  for (let start = 0; start < options.visitors; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(options.visitors, start + batch); i++) {
        const from = origin();
        // 3 in 4 are women and girls, as at the desk.
        const sex = random.chance(0.75) ? 'female' : random.chance(0.96) ? 'male' : 'undisclosed';
        const arabic = from.script === 'arabic';
        const first = arabic ? random.pick(sex === 'female' ? ARABIC_FEMALE : ARABIC_MALE) : random.pick(sex === 'female' ? LATIN_FEMALE : LATIN_MALE);
        const minor = random.chance(0.12);
        const age = minor ? random.int(10, 17) : random.int(18, 55);
        const consents = {
          dataProcessing: random.chance(0.92),
          referrals: random.chance(0.8),
          phoneContact: random.chance(0.6),
          reporting: random.chance(0.85),
        };
        const phone = consents.dataProcessing && random.chance(0.7) ? `+2126${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null;
        const fields: VisitorFields = {
          firstName: consents.dataProcessing ? first : null,
          lastName: consents.dataProcessing && random.chance(0.85) ? random.pick(arabic ? ARABIC_FAMILY : LATIN_FAMILY) : null,
          alias: consents.dataProcessing && random.chance(0.1) ? random.pick(ALIASES) : null,
          sex,
          birthYear: year - age,
          birthYearEstimated: random.chance(0.3),
          nationality: from.country,
          languages: [...new Set([random.pick(from.languages), ...random.some(from.languages, 1), ...(random.chance(0.4) ? (['ary'] as const) : [])])],
          interpreterNeeded: random.chance(0.35),
          interpreterLanguage: null,
          phone,
          familySituation: !consents.dataProcessing ? null : minor ? (random.chance(0.7) ? 'unaccompaniedMinor' : 'separatedChild') : random.pick(FAMILY_SITUATIONS.filter((f) => f !== 'unaccompaniedMinor' && f !== 'separatedChild')),
          childrenCount: consents.dataProcessing && !minor ? random.int(0, 4) : 0,
          housing: consents.dataProcessing ? random.pick(HOUSING_SITUATIONS) : null,
          arrivalMonth: consents.dataProcessing ? `${year - random.int(0, 3)}-${String(random.int(1, 12)).padStart(2, '0')}` : null,
        };
        if (fields.interpreterNeeded) fields.interpreterLanguage = fields.languages[0] ?? 'fr';
        // Over the last three years, in the order they came: codes and search ranks follow time, as at a desk.
        const registeredAt = new Date(options.now.getTime() - Math.floor(((options.visitors - i) / options.visitors) * 3 * 365) * 86_400_000);
        const { id } = insertVisitor(db, actor, fields, { prefix: options.prefix, year: registeredAt.getUTCFullYear() }, registeredAt);
        for (const kind of CONSENT_KINDS) recordConsent(db, actor, id, kind, consents[kind], registeredAt);
        const visits = random.int(0, 3);
        for (let v = 0; v < visits; v++) {
          const disclosed = sex === 'female' && random.chance(0.2);
          recordIntake(
            db,
            actor,
            {
              visitorId: id,
              visitDate: registeredAt.toISOString().slice(0, 10),
              needs: random.some(NEEDS, 3),
              urgency: random.pick(['low', 'medium', 'high'] as const),
              orientation: disclosed ? 'listeningUnit' : random.pick(['partnerReferral', 'internalService', 'informationOnly'] as const),
              deskNotes: null,
              vulnerabilities: random.some(VULNERABILITIES, 2),
              violence: { disclosed, type: disclosed ? random.pick(VIOLENCE_TYPES) : null },
            },
            registeredAt,
          );
          intakes++;
        }
        if (consents.referrals && partners.length > 0 && random.chance(0.3)) {
          insertReferral(
            db,
            actor,
            {
              visitorId: id,
              partnerId: random.pick(partners).id,
              service: random.pick(NEEDS),
              referredOn: registeredAt.toISOString().slice(0, 10),
              followUpOn: null,
              consentOverrideReason: null,
            },
            registeredAt,
          );
          referrals++;
        }
      }
    })();
    options.onProgress?.(Math.min(options.visitors, start + batch));
  }
  return { visitors: options.visitors, intakes, referrals };
}
