// Workshop mode's services: create a workshop from a comparison, join, score, results. Every function takes the
// WorkshopStore first and throws AppError kinds; the JSON API, the CLI and the pages call only these (and
// workshops-facilitate.ts for moderation, decisions, options, close and delete).
import { AppError, invalid, isAppError, notFound } from '../domain/errors.js';
import {
  displayCode,
  isRole,
  normaliseCode,
  ROLE_LABELS,
  WORKSHOP_ROLES,
  type ParticipantView,
  type Role,
  type Workshop,
  type WorkshopResults,
} from '../domain/workshop.js';
import { ANCHORS, FACTORS } from '../pack/options.js';
import type { Store } from '../store/store.js';
import type { ParticipantRow, WorkshopRow, WorkshopStore } from '../store/workshop-store.js';
import { packContent } from './pack-content.js';
import { takeToken } from './rate-limit.js';
import { timed, type Timings } from './timings.js';
import { newId, newJoinCode, newKey } from './workshops-keys.js';
import { buildResults } from './workshops-results.js';
import { checkFacilitator, keyHash, loadSettings, loadWorkshop, participantOf } from './workshops-access.js';

export type { WorkshopStore } from '../store/workshop-store.js';
export { checkFacilitator, loadWorkshop } from './workshops-access.js';
export { submitScores, type SavedSubmission, type ScoreBody } from './workshops-scores.js';
export { timed, type Timings } from './timings.js';
export { closeWorkshop, decideOption, deleteWorkshop, editOptions, facilitatorComments, listWorkshops, moderateComment, reopenWorkshop, setScoringOpen, type EditOptionsInput } from './workshops-facilitate.js';

export interface CreateWorkshopInput {
  council: string;
  group?: string;
  theme?: string;
  title?: string;
  weights?: string;
}

const TITLE_MAX = 200;

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
    facilitator_hash: await keyHash(ws, key),
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

export async function joinWorkshop(ws: WorkshopStore, code: string, role: Role | string, timings?: Timings): Promise<{ participant_key: string }> {
  if (!isRole(role)) throw invalid('role', `role: ${JSON.stringify(String(role).slice(0, 40))} is not one of ${WORKSHOP_ROLES.join(', ')} (${Object.values(ROLE_LABELS).join(', ').toLowerCase()})`);
  const { row } = await timed(timings, 'db', () => loadSettings(ws, code));
  if (row.status === 'closed') throw new AppError('conflict', `the workshop ${displayCode(row.code)} is closed`, { field: 'code' });
  takeToken(ws.limits, 'join_per_code', row.code, 'joins to this workshop');
  const key = newKey('wp');
  const hash = await timed(timings, 'hash', () => keyHash(ws, key));
  await timed(timings, 'db', () => ws.addParticipant(row.code, newId(), hash, role, new Date().toISOString()));
  return { participant_key: key };
}

async function viewOf(ws: WorkshopStore, p: ParticipantRow): Promise<ParticipantView> {
  const [scores, comments] = await Promise.all([ws.scoresOf(p.id), ws.commentsOf(p.id)]);
  return { role: p.role, scores: scores.map((s) => ({ option: s.option, factor: s.factor, score: s.score })), comments: comments.map((c) => ({ option: c.option, text: c.text })) };
}

export async function participantView(ws: WorkshopStore, code: string, participant_key: string): Promise<ParticipantView> {
  const { row } = await loadWorkshop(ws, code);
  return viewOf(ws, await participantOf(ws, row.code, participant_key));
}

export async function workshopResults(ws: WorkshopStore, code: string, facilitator_key: string, options: { include_pending_comments?: boolean } = {}): Promise<WorkshopResults> {
  const { workshop, row } = await checkFacilitator(ws, code, facilitator_key);
  return resultsOf(ws, workshop, row, options.include_pending_comments ?? false);
}

export async function resultsOf(ws: WorkshopStore, workshop: Workshop, row: WorkshopRow, pending: boolean): Promise<WorkshopResults> {
  const [{ tally, scorers }, participants, comments] = await Promise.all([ws.tally(row.code), ws.participantCounts(row.code), ws.comments(row.code)]);
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
