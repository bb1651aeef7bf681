import type { ConsentKind, Need, Orientation, Sex, ViolenceType, VisitorFields, Vulnerability } from './visitors';

/** A visitor as lists show her: never her names, unless revealed on purpose (an audited read). */
export interface VisitorListItem {
  id: number;
  code: string;
  alias: string | null;
  initials: string | null;
  sex: Sex;
  age: number | null;
  nationality: string | null;
  anonymised: boolean;
  lastActivityAt: string;
}

export interface VisitorDetail extends VisitorListItem {
  fields: VisitorFields;
  createdAt: string;
  updatedAt: string;
  birthYearBand: string | null;
}

export type VisitorSearchResult =
  | { status: 'tooShort'; items: []; total: 0 }
  | { status: 'ok'; items: VisitorListItem[]; total: number; more: boolean };

export interface DuplicateCandidate {
  visitor: VisitorListItem;
  score: number;
  reasons: ('phone' | 'name' | 'alias' | 'birthYear')[];
}

export interface ConsentRecord {
  id: number;
  kind: ConsentKind;
  granted: boolean;
  recordedAt: string;
  recordedBy: string | null;
}

export type ConsentState = Record<ConsentKind, ConsentRecord | null>;

/** What an intake shows depends on who looks: violence details reach psychologists only. */
export interface IntakeView {
  id: number;
  visitDate: string;
  needs: Need[];
  urgency: 'low' | 'medium' | 'high';
  /**
   * Null for an administrator with no other role: a disclosure forces the orientation
   * to the listening unit, so the orientation alone would give it away.
   */
  orientation: Orientation | null;
  deskNotes: string | null;
  vulnerabilities: Vulnerability[];
  /** Null for an administrator with no other role, for the same reason. */
  referredToListeningUnit: boolean | null;
  /** Desk and psychologists see that violence was disclosed; administrators see nothing clinical. */
  violenceDisclosed: boolean | null;
  /** Psychologists only; null for everyone else. */
  violenceType: ViolenceType | null;
  createdAt: string;
  createdBy: string | null;
}

export interface VisitorChange {
  id: number;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  changedBy: string | null;
}
