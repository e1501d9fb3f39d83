// Workshop mode: a room scores a comparison's options on the pack's six factors, live, with no personal data (a role only).
// The types and constants shared by the store, the services, the JSON API and the pages (issue 18's contract).

export const WORKSHOP_ROLES = ['parent_carer', 'young_person', 'provider', 'council_officer', 'health', 'other'] as const;
export type Role = (typeof WORKSHOP_ROLES)[number];

/** Each role in plain words, as a participant chooses it. */
export const ROLE_LABELS: Record<Role, string> = {
  parent_carer: 'Parent carer',
  young_person: 'Young person',
  provider: 'Provider',
  council_officer: 'Council officer',
  health: 'Health',
  other: 'Other',
};

export const DECISIONS = ['taken_forward', 'not_taken_forward', 'needs_more_work'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  taken_forward: 'Taken forward',
  not_taken_forward: 'Not taken forward',
  needs_more_work: 'Needs more work',
};

export const WORKSHOP_STATUSES = ['open', 'closed'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export const COMMENT_STATUSES = ['pending', 'approved', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Scores are whole numbers on the anchored scale. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;
export const SCORE_VALUES = ['0', '1', '2', '3', '4', '5'] as const;
export type ScoreValue = (typeof SCORE_VALUES)[number];

/** Longest comment a participant may leave on one option, in characters. */
export const COMMENT_MAX = 1000;

/** The join code: 8 characters from an alphabet without 0/O/1/I, shown as ABCD-EFGH (2^40 codes). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** A code as typed (lower case, spaces, with or without its dash) in its stored form (ABCDEFGH); null when it cannot be one. */
export function normaliseCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** A stored code as people read it out: ABCD-EFGH. */
export const displayCode = (code: string): string => (code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code);

/** The path participants join at (the pages add the host). */
export const joinPath = (code: string): string => `/w/${displayCode(code)}`;

/** One of the pack's six critical success factors; id is the factor's code (choice, equity, ...). */
export interface WorkshopFactor {
  id: string;
  title: string;
  question: string;
}

export interface OptionDecision {
  decision: Decision;
  reason: string;
  decided_at: string;
}

export interface WorkshopOption {
  id: string;
  title: string;
  summary: string;
  easy_read: string | null;
  position: number;
  scoring_open: boolean;
  decision: OptionDecision | null;
}

export interface ScaleStep {
  score: number;
  means: string;
}

export interface Workshop {
  code: string;
  council_code: string;
  council_name: string;
  title: string;
  theme: string | null;
  group: string | null;
  status: WorkshopStatus;
  created_at: string;
  options: WorkshopOption[];
  factors: WorkshopFactor[];
  /** The anchored 0-5 scale of the pack's scoring sheets. */
  scale: ScaleStep[];
}

export interface WorkshopComment {
  id: string;
  option: string;
  role: Role;
  text: string;
  status: CommentStatus;
  created_at: string;
}

export interface Tally {
  responses: number;
  mean: number | null;
}

export interface OptionResult {
  id: string;
  title: string;
  /** Participants who gave this option at least one score. */
  participants: number;
  /** Scores given to this option (every factor, every participant). */
  responses: number;
  mean: number | null;
  by_role: Record<Role, Tally>;
  by_factor: Record<string, Tally>;
  /** How many scores of each value (all factors). */
  spread: Record<ScoreValue, number>;
  /** Approved comments only (the facilitator's view may ask for pending ones too). */
  comments: WorkshopComment[];
  decision: OptionDecision | null;
}

export interface WorkshopResults {
  code: string;
  title: string;
  council_name: string;
  status: WorkshopStatus;
  participants: { total: number; by_role: Record<Role, number> };
  options: OptionResult[];
  /** Changes whenever anything in the workshop changes (ETag, server-sent events). */
  version: string;
}

export interface ScoreInput {
  option: string;
  factor: string;
  score: number;
}

export interface CommentInput {
  option: string;
  text: string;
}

/** What one participant has given so far. */
export interface ParticipantView {
  role: Role;
  scores: ScoreInput[];
  comments: CommentInput[];
}

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (WORKSHOP_ROLES as readonly string[]).includes(v);
export const isDecision = (v: unknown): v is Decision => typeof v === 'string' && (DECISIONS as readonly string[]).includes(v);
