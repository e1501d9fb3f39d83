// An offer's taxonomy fields as stated by its record, and as decided (curation, record or rules) with the evidence.
import type { Allowance, Cost } from './offer.js';

export interface Evidence {
  field: string;
  phrase: string;
  weight?: number;
  /** The code this evidence counts towards, when a decision weighs several codes. */
  code?: string;
}

export interface Stated {
  type: string | null;
  access_tier: string | null;
  statutory_categories: string[];
  time_slots: string[];
  gates: string[];
  age_min: number | null;
  age_max: number | null;
  cost: Cost;
  allowances: Allowance[];
}

export type CurationSet = Partial<Pick<Stated, 'type' | 'access_tier' | 'statutory_categories' | 'time_slots' | 'gates' | 'age_min' | 'age_max'>>;

export interface FieldOutcome {
  by: 'curation' | 'record' | 'rules' | 'unknown';
  confidence: number | null;
  evidence: Evidence[];
  reason?: string;
}

/** The decided fields (as in Stated) with the explanation of each. */
export interface Merged extends Stated {
  explanation: { rules_version: string; fields: Record<string, FieldOutcome>; curated: string[] };
}
