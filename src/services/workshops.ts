// Workshop mode's services: create a workshop from a comparison, join, score, results. Every function takes the
// WorkshopStore first and throws AppError kinds; the JSON API, the CLI and the pages call only these (and
// workshops-facilitate.ts for moderation, decisions, options, close and delete).
import { AppError, invalid, isAppError, notFound } from '../domain/errors.js';
import {
  COMMENT_MAX,
  displayCode,
  isRole,
  normaliseCode,
  ROLE_LABELS,
  SCORE_MAX,
  SCORE_MIN,
  WORKSHOP_ROLES,
  type CommentInput,
  type ParticipantView,
  type Role,
  type ScoreInput,
  type Workshop,
  type WorkshopResults,
} from '../domain/workshop.js';
import { ANCHORS, FACTORS } from '../pack/options.js';
import type { Store } from '../store/store.js';
import type { ParticipantRow, WorkshopRow, WorkshopStore } from '../store/workshop-store.js';
import { packContent } from './pack-content.js';
import { takeToken } from './rate-limit.js';
import { hashKey, newId, newJoinCode, newKey, sameHash } from './workshops-keys.js';
import { buildResults } from './workshops-results.js';
import { checkFacilitator, loadWorkshop } from './workshops-access.js';

export type { WorkshopStore } from '../store/workshop-store.js';
export { checkFacilitator, loadWorkshop } from './workshops-access.js';
export { closeWorkshop, decideOption, deleteWorkshop, editOptions, facilitatorComments, listWorkshops, moderateComment, reopenWorkshop, setScoringOpen, type EditOptionsInput } from './workshops-facilitate.js';

export interface CreateWorkshopInput {
  council: string;
  group?: string;
  theme?: string;
  title?: string;
  weights?: string;
}

/** A submission as the JSON API and the pages hand it in. */
export interface ScoreBody {
  scores: ScoreInput[];
  comments?: CommentInput[];
}

const TITLE_MAX = 200;
/** At most this many scores in one submission (a long list of 40 options by 6 factors fits). */
const SCORES_MAX = 600;

export async function createWorkshop(ws: WorkshopStore, store: Store, input: CreateWorkshopInput): Promise<{ workshop: Workshop; facilitator_key: string }> {
  const council = typeof input.council === 'string' ? input.council.trim() : '';
  if (!council) throw invalid('council', 'council: give the council (its code, number or name)');
  const title = input.title?.trim();
  if (title && title.length > TITLE_MAX) throw invalid('title', `title: at most ${TITLE_MAX} characters`);
  const pack = await packContent(store, council, { group: input.group, theme: input.theme, weights: input.weights, samples: 0 }).catch((e: unknown) => {
    throw isAppError(e) && e.kind === 'not_found' && (!e.field || e.field === 'code') ? e.forField('council') : e;
  });
  const local = pack.compare.council;
  const key = newKey('wf');
  const created_at = new Date().toISOString();
  const row = {
    council_code: local.code,
    council_name: local.name,
    title: title || `${local.name}: short breaks workshop`,
    theme: input.theme ? pack.theme.code : null,
    group_spec: input.group ?? null,
    weights: input.weights ?? null,
    status: 'open' as const,
    facilitator_hash: await hashKey(key),
    factors: JSON.stringify(FACTORS.map((f) => ({ id: f.code, title: f.label, question: f.question }))),
    scale: JSON.stringify(ANCHORS.map(([score, means]) => ({ score: Number(score), means }))),
    created_at,
  };
  const options = pack.options.map((o, i) => ({ id: o.id, title: o.title, summary: o.what_changes, easy_read: o.easy_read || null, position: i + 1 }));
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode();
    if (await ws.workshop(code)) {
      if (attempt > 8) throw new AppError('internal', 'could not find a free join code');
      continue;
    }
    await ws.insertWorkshop({ code, ...row }, options);
    return { workshop: (await loadWorkshop(ws, code)).workshop, facilitator_key: key };
  }
}

export async function getWorkshop(ws: WorkshopStore, code: string): Promise<Workshop> {
  return (await loadWorkshop(ws, code)).workshop;
}

export async function joinWorkshop(ws: WorkshopStore, code: string, role: Role | string): Promise<{ participant_key: string }> {
  if (!isRole(role)) throw invalid('role', `role: ${JSON.stringify(String(role).slice(0, 40))} is not one of ${WORKSHOP_ROLES.join(', ')} (${Object.values(ROLE_LABELS).join(', ').toLowerCase()})`);
  const { row } = await loadWorkshop(ws, code);
  if (row.status === 'closed') throw new AppError('conflict', `the workshop ${displayCode(row.code)} is closed`, { field: 'code' });
  takeToken(ws.limits, 'join_per_code', row.code, 'joins to this workshop');
  const key = newKey('wp');
  await ws.addParticipant(row.code, newId(), await hashKey(key), role, new Date().toISOString());
  return { participant_key: key };
}

/** The participant a key belongs to in this workshop: a 403 naming the key otherwise. */
async function participantOf(ws: WorkshopStore, code: string, key: unknown): Promise<ParticipantRow> {
  if (typeof key !== 'string' || !key) throw new AppError('forbidden', 'participant_key: give the key you were given when you joined', { field: 'participant_key' });
  const hash = await hashKey(key);
  const p = await ws.participant(hash);
  if (!p || p.workshop_code !== code || !sameHash(hash, p.key_hash)) throw new AppError('forbidden', 'participant_key: not a key of this workshop (join again to get one)', { field: 'participant_key' });
  return p;
}

async function viewOf(ws: WorkshopStore, p: ParticipantRow): Promise<ParticipantView> {
  const [scores, comments] = await Promise.all([ws.scoresOf(p.id), ws.commentsOf(p.id)]);
  return { role: p.role, scores: scores.map((s) => ({ option: s.option, factor: s.factor, score: s.score })), comments: comments.map((c) => ({ option: c.option, text: c.text })) };
}

export async function participantView(ws: WorkshopStore, code: string, participant_key: string): Promise<ParticipantView> {
  const { row } = await loadWorkshop(ws, code);
  return viewOf(ws, await participantOf(ws, row.code, participant_key));
}

/** Scores 0-5 (whole numbers) and comments; each score replaces the participant's earlier one, so nothing counts twice. */
export async function submitScores(ws: WorkshopStore, code: string, participant_key: string, input: { scores: ScoreInput[]; comments?: CommentInput[] }): Promise<ParticipantView> {
  const { workshop, row } = await loadWorkshop(ws, code);
  const p = await participantOf(ws, row.code, participant_key);
  takeToken(ws.limits, 'submit_per_key', p.id, 'submissions from this participant');
  takeToken(ws.limits, 'submit_per_code', row.code, 'submissions to this workshop');
  if (row.status === 'closed') throw new AppError('conflict', `the workshop ${displayCode(row.code)} is closed: scores can no longer change`, { field: 'code' });
  const scores = input?.scores ?? [];
  const comments = input?.comments ?? [];
  if (!Array.isArray(scores)) throw invalid('scores', 'scores: give a list of {"option", "factor", "score"}');
  if (!Array.isArray(comments)) throw invalid('comments', 'comments: give a list of {"option", "text"}');
  if (scores.length > SCORES_MAX) throw invalid('scores', `scores: at most ${SCORES_MAX} in one submission`);
  const options = new Map(workshop.options.map((o) => [o.id, o]));
  const factors = new Set(workshop.factors.map((f) => f.id));
  const problems: Array<{ field: string; message: string }> = [];
  const closed = new Set<string>();
  const checkOption = (field: string, option: unknown) => {
    const o = typeof option === 'string' ? options.get(option) : undefined;
    if (!o) problems.push({ field, message: `${field}: no option ${JSON.stringify(option ?? null)} in this workshop` });
    else if (!o.scoring_open) closed.add(o.id);
  };
  const kept = new Map<string, ScoreInput>();
  scores.forEach((s, i) => {
    const at = `scores[${i}]`;
    if (!s || typeof s !== 'object') return void problems.push({ field: at, message: `${at}: give {"option", "factor", "score"}` });
    checkOption(`${at}.option`, s.option);
    if (typeof s.factor !== 'string' || !factors.has(s.factor)) problems.push({ field: `${at}.factor`, message: `${at}.factor: no factor ${JSON.stringify(s.factor ?? null)} (use ${[...factors].join(', ')})` });
    if (typeof s.score !== 'number' || !Number.isInteger(s.score) || s.score < SCORE_MIN || s.score > SCORE_MAX)
      problems.push({ field: `${at}.score`, message: `${at}.score: ${JSON.stringify(s.score ?? null)} is not a whole number from ${SCORE_MIN} to ${SCORE_MAX}` });
    kept.set(`${s.option}\u0000${s.factor}`, { option: s.option, factor: s.factor, score: s.score });
  });
  const notes: Array<{ id: string; option: string; text: string }> = [];
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
  await ws.saveSubmission(row.code, p, [...kept.values()], notes, new Date().toISOString(), cleared);
  return viewOf(ws, p);
}

export async function workshopResults(ws: WorkshopStore, code: string, facilitator_key: string, options: { include_pending_comments?: boolean } = {}): Promise<WorkshopResults> {
  const { workshop, row } = await checkFacilitator(ws, code, facilitator_key);
  return resultsOf(ws, workshop, row, options.include_pending_comments ?? false);
}

export async function resultsOf(ws: WorkshopStore, workshop: Workshop, row: WorkshopRow, pending: boolean): Promise<WorkshopResults> {
  const [tally, participants, scorers, comments] = await Promise.all([ws.tally(row.code), ws.participantCounts(row.code), ws.scorers(row.code), ws.comments(row.code)]);
  const shown = comments.filter((c) => c.status === 'approved' || (pending && c.status === 'pending'));
  return buildResults({
    workshop,
    tally,
    participants,
    scorers,
    comments: shown.map((c) => ({ id: c.id, option: c.option_id, role: c.role, text: c.text, status: c.status, created_at: c.created_at })),
    version: `${row.code}-${row.revision}`,
  });
}

/** Changes whenever anything in the workshop changes: one small read, for ETags and server-sent events. */
export async function workshopVersion(ws: WorkshopStore, code: string): Promise<string> {
  const stored = normaliseCode(code);
  const revision = stored ? await ws.revision(stored) : undefined;
  if (revision === undefined) throw notFound('code', `no workshop with the code ${stored ? displayCode(stored) : JSON.stringify(code.slice(0, 40))}`);
  return `${stored}-${revision}`;
}
