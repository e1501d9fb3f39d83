// A participant's submission: scores 0-5 and comments checked against the workshop's options and factors, then
// saved so each score replaces the participant's earlier one (never counted twice). The answer is what was saved.
import { AppError, invalid } from '../domain/errors.js';
import { COMMENT_MAX, displayCode, SCORE_MAX, SCORE_MIN, type CommentInput, type ParticipantView, type ScoreInput, type Workshop } from '../domain/workshop.js';
import type { WorkshopStore } from '../store/workshop-store.js';
import { takeToken } from './rate-limit.js';
import { timed, type Timings } from './timings.js';
import { loadSettings, participantOf } from './workshops-access.js';
import { newId } from './workshops-keys.js';

/** A submission as the JSON API and the pages hand it in. */
export interface ScoreBody {
  scores: ScoreInput[];
  comments?: CommentInput[];
}

/** What a submission saved: the participant's role, the scores and comments of this submission, and how many. */
export type SavedSubmission = ParticipantView & { saved: { scores: number; comments: number; comments_taken_back: number } };

/** At most this many scores in one submission (a long list of 40 options by 6 factors fits). */
const SCORES_MAX = 600;
/** Times a submission is checked again when the facilitator changed the workshop while it waited to be written. */
const ATTEMPTS = 5;

interface Checked {
  scores: ScoreInput[];
  notes: Array<{ id: string; option: string; text: string }>;
  cleared: string[];
}

/** A workshop's options by id and its factor ids, made once per workshop read (kept settings are reused). */
const IDS = new WeakMap<Workshop, { options: Map<string, Workshop['options'][number]>; factors: Set<string> }>();
function idsOf(workshop: Workshop) {
  let ids = IDS.get(workshop);
  if (!ids) IDS.set(workshop, (ids = { options: new Map(workshop.options.map((o) => [o.id, o])), factors: new Set(workshop.factors.map((f) => f.id)) }));
  return ids;
}

/** Checks a submission against the workshop: a 400 naming the first wrong field, a 409 for options closed to scoring. */
function check(workshop: Workshop, input: ScoreBody): Checked {
  const scores = input?.scores ?? [];
  const comments = input?.comments ?? [];
  if (!Array.isArray(scores)) throw invalid('scores', 'scores: give a list of {"option", "factor", "score"}');
  if (!Array.isArray(comments)) throw invalid('comments', 'comments: give a list of {"option", "text"}');
  if (scores.length > SCORES_MAX) throw invalid('scores', `scores: at most ${SCORES_MAX} in one submission`);
  const { options, factors } = idsOf(workshop);
  const problems: Array<{ field: string; message: string }> = [];
  const closed = new Set<string>();
  const checkOption = (field: string, option: unknown) => {
    const o = typeof option === 'string' ? options.get(option) : undefined;
    if (!o) problems.push({ field, message: `${field}: no option ${JSON.stringify(option ?? null)} in this workshop` });
    else if (!o.scoring_open) closed.add(o.id);
  };
  const kept = new Map<string, ScoreInput>();
  // A plain loop, and a field's name made only for a problem: the 48 scores of a usual submission cost no closures and
  // no strings but their key.
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!s || typeof s !== 'object') {
      problems.push({ field: `scores[${i}]`, message: `scores[${i}]: give {"option", "factor", "score"}` });
      continue;
    }
    const { option, factor, score } = s;
    if (!(typeof option === 'string' && options.get(option)?.scoring_open)) checkOption(`scores[${i}].option`, option);
    if (typeof factor !== 'string' || !factors.has(factor)) problems.push({ field: `scores[${i}].factor`, message: `scores[${i}].factor: no factor ${JSON.stringify(factor ?? null)} (use ${[...factors].join(', ')})` });
    if (typeof score !== 'number' || !Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX)
      problems.push({ field: `scores[${i}].score`, message: `scores[${i}].score: ${JSON.stringify(score ?? null)} is not a whole number from ${SCORE_MIN} to ${SCORE_MAX}` });
    kept.set(`${option}\u0000${factor}`, { option, factor, score });
  }
  const notes: Checked['notes'] = [];
  const cleared: string[] = [];
  comments.forEach((c, i) => {
    const at = `comments[${i}]`;
    if (!c || typeof c !== 'object') return void problems.push({ field: at, message: `${at}: give {"option", "text"}` });
    checkOption(`${at}.option`, c.option);
    if (typeof c.text !== 'string') return void problems.push({ field: `${at}.text`, message: `${at}.text: give the comment as text` });
    const text = c.text.trim();
    if (text.length > COMMENT_MAX) problems.push({ field: `${at}.text`, message: `${at}.text: at most ${COMMENT_MAX} characters` });
    // An empty comment takes the participant's earlier comment on that option back.
    if (text) notes.push({ id: newId(), option: c.option, text });
    else cleared.push(c.option);
  });
  if (problems.length) throw invalid(problems[0]!.field, problems[0]!.message, { problems });
  if (closed.size) throw new AppError('conflict', `scoring is closed for ${[...closed].map((o) => `option ${o}`).join(', ')}`, { field: 'option', problems: [...closed].map((o) => ({ field: 'option', message: `scoring is closed for option ${o}` })) });
  return { scores: [...kept.values()], notes, cleared };
}

/** Scores 0-5 (whole numbers) and comments; each score replaces the participant's earlier one, so nothing counts twice. */
export async function submitScores(ws: WorkshopStore, code: string, participant_key: string, input: ScoreBody, timings?: Timings): Promise<SavedSubmission> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const generation = ws.settingsGeneration();
    const { workshop, row } = await timed(timings, 'db', () => loadSettings(ws, code));
    const p = await participantOf(ws, row.code, participant_key, timings);
    if (attempt === 0) {
      takeToken(ws.limits, 'submit_per_key', p.id, 'submissions from this participant');
      takeToken(ws.limits, 'submit_per_code', row.code, 'submissions to this workshop');
    }
    if (row.status === 'closed') throw new AppError('conflict', `the workshop ${displayCode(row.code)} is closed: scores can no longer change`, { field: 'code' });
    const { scores, notes, cleared } = check(workshop, input);
    // Not written when the facilitator changed the workshop (closed an option, say) before it was: checked again.
    const stillValid = () => ws.settingsGeneration() === generation;
    if (await timed(timings, 'db', () => ws.saveSubmission(row.code, p, scores, notes, new Date().toISOString(), cleared, stillValid)))
      return { role: p.role, scores, comments: notes.map((n) => ({ option: n.option, text: n.text })), saved: { scores: scores.length, comments: notes.length, comments_taken_back: cleared.length } };
  }
  throw new AppError('conflict', 'the workshop kept changing while your scores were being saved: send them again', { field: 'code' });
}
