// A participant's score sheet (migrations/0011_workshop_score_sheets.sql): all its scores in one JSON object,
// {"O1": {"choice": 3, ...}, ...}, merged in SQL with json_patch and tallied here, the same on Node and on D1.
import { AppError } from '../domain/errors.js';
import type { Role } from '../domain/workshop.js';

/** Scores by option, then by factor. */
export type ScoreSheet = Record<string, Record<string, number>>;

/** One cell of the tally: how many participants of a role gave an option this score on this factor. */
export interface TallyRow {
  option_id: string;
  factor: string;
  role: Role;
  score: number;
  n: number;
}

/** The tally of a workshop's sheets, and how many participants scored each option (at least one factor). */
export interface SheetTally {
  tally: TallyRow[];
  scorers: Array<{ option_id: string; n: number }>;
}

/** A submission's scores as the JSON patch that merges them into the participant's sheet. */
export function sheetPatch(scores: ReadonlyArray<{ option: string; factor: string; score: number }>): string {
  const sheet: ScoreSheet = {};
  for (const s of scores) (sheet[s.option] ??= {})[s.factor] = s.score;
  return JSON.stringify(sheet);
}

/** The JSON path of an option in a sheet, for json_remove: ids are the pack's O1.. and the facilitator's R1... */
export function optionPath(option: string): string {
  if (/["\\]/.test(option)) throw new AppError('internal', `option id ${JSON.stringify(option)} cannot be a JSON path label`);
  return `$."${option}"`;
}

const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5;

/** A stored sheet read back; anything that is not an option's object of whole scores 0-5 is left out. */
export function readSheet(text: unknown): ScoreSheet {
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: ScoreSheet = {};
  for (const [option, factors] of Object.entries(parsed as Record<string, unknown>)) {
    if (!factors || typeof factors !== 'object' || Array.isArray(factors)) continue;
    for (const [factor, score] of Object.entries(factors as Record<string, unknown>)) if (isScore(score)) (out[option] ??= {})[factor] = score;
  }
  return out;
}

/** Byte order, as SQLite's BINARY collation sorts the ASCII ids (not the locale's order). */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A sheet as a list of scores, by option then factor. */
export function sheetScores(sheet: ScoreSheet): Array<{ option: string; factor: string; score: number }> {
  return Object.keys(sheet)
    .sort(byCode)
    .flatMap((option) =>
      Object.keys(sheet[option]!)
        .sort(byCode)
        .map((factor) => ({ option, factor, score: sheet[option]![factor]! })),
    );
}

/** Counts every sheet's scores by option, factor, role and score: each participant's score once. */
export function tallySheets(rows: ReadonlyArray<{ role: Role; scores: unknown }>): SheetTally {
  const cells = new Map<string, TallyRow>();
  const scorers = new Map<string, number>();
  for (const row of rows) {
    const sheet = readSheet(row.scores);
    for (const [option, factors] of Object.entries(sheet)) {
      scorers.set(option, (scorers.get(option) ?? 0) + 1);
      for (const [factor, score] of Object.entries(factors)) {
        const key = `${option}\u0000${factor}\u0000${row.role}\u0000${score}`;
        const cell = cells.get(key);
        if (cell) cell.n++;
        else cells.set(key, { option_id: option, factor, role: row.role, score, n: 1 });
      }
    }
  }
  return { tally: [...cells.values()], scorers: [...scorers].map(([option_id, n]) => ({ option_id, n })) };
}
