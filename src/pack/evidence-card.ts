// A peer evidence card: one comparator's offer shown as an example for the local council's gaps, with its source.
import type { Offer } from '../domain/index.js';
import type { ScoringFinding, ScoringInspection } from '../scoring/scoring-data.js';
import type { SourceRef } from './sources.js';

export interface EvidenceCard {
  id: string;
  offer: Offer;
  council_name: string;
  inspection: ScoringInspection | null;
  strengths: ScoringFinding[];
  /** The gaps (grid cells) this offer is an example for. */
  cells: string[];
  source: SourceRef;
}
