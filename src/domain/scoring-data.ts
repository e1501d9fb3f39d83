// What the scoring engine reads: one snapshot of the store, held in memory so that scoring itself is pure.
import type { CouncilFact, Offer } from './offer.js';

export interface ScoringCouncil {
  code: string;
  name: string;
  type: string;
  region_code: string;
  region_name: string;
  la_number?: string;
}

export interface ScoringInspection {
  framework: string;
  /** 1 typically positive, 2 inconsistent, 3 widespread or systemic failings; null when not recorded. */
  outcome_code: number | null;
  outcome_label: string | null;
  inspection_start: string | null;
  publication_date: string | null;
  report_url: string | null;
}

export interface ScoringFinding {
  topic: string;
  polarity: 'strength' | 'weakness' | 'neutral';
  sentence: string;
  page: number;
  report_url: string | null;
  citation: string;
}

export interface Figure {
  value: number;
  period: string;
  dataset_id: string;
}

export interface ScoringData {
  councils: ScoringCouncil[];
  /** Current offers by council, duplicates folded away. */
  offers: Map<string, Offer[]>;
  facts: Map<string, CouncilFact[]>;
  /** The latest area SEND inspection of each council. */
  inspections: Map<string, ScoringInspection>;
  findings: Map<string, ScoringFinding[]>;
  /** Ofsted-registered short-break providers located in the council, counted by latest overall rating. */
  providers: Map<string, Record<string, number>>;
  /** Latest value of each scoring measure for every area (councils, regions and England). */
  figures: Map<string, Map<string, Figure>>;
  england_code: string;
  /** DfE statistical neighbours in rank order, by model. */
  neighbours: Record<'2025' | '2021', Map<string, string[]>>;
  datasets: Map<string, { title: string; data_date: string }>;
  /** What councils are also found by (previous GSS codes, other names), by code, for the council lookup. */
  aliases?: Map<string, { previous_codes: string[]; also_known_as: string[] }>;
  taxonomy_version: string | null;
  data_fingerprint: string | null;
  built_at: string | null;
}
