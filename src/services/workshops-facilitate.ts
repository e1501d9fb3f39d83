// What only the facilitator may do (each call shows the facilitator key): moderate comments, open and close scoring
// per option, decide each option with its reason, drop, add and reorder options, close and delete the workshop.
import { AppError, invalid, notFound } from '../domain/errors.js';
import { DECISIONS, displayCode, isDecision, type Decision, type Workshop, type WorkshopComment, type WorkshopStatus } from '../domain/workshop.js';
import type { WorkshopStore } from '../store/workshop-store.js';
import { checkFacilitator } from './workshops-access.js';

const REASON_MAX = 2000;
const OPTION_TITLE_MAX = 200;
const OPTION_SUMMARY_MAX = 1000;

export interface EditOptionsInput {
  /** Option ids in the order wanted; those left out keep their order after them. */
  order?: string[];
  /** Option ids to drop, with their scores and comments. */
  drop?: string[];
  /** New options from the room (ids R1, R2, ...), placed last unless `order` names them. */
  add?: Array<{ title: string; summary?: string }>;
}

function optionOf(workshop: Workshop, option_id: string, field = 'option') {
  const o = workshop.options.find((x) => x.id === option_id);
  if (!o) throw notFound(field, `${field}: no option ${JSON.stringify(String(option_id).slice(0, 40))} in this workshop`);
  return o;
}

/** Every comment, pending, approved and hidden, oldest first. */
export async function facilitatorComments(ws: WorkshopStore, code: string, key: string): Promise<WorkshopComment[]> {
  const { row } = await checkFacilitator(ws, code, key);
  return (await ws.comments(row.code)).map((c) => ({ id: c.id, option: c.option_id, role: c.role, text: c.text, status: c.status, created_at: c.created_at }));
}

export async function moderateComment(ws: WorkshopStore, code: string, key: string, comment_id: string, status: 'approved' | 'hidden'): Promise<void> {
  const { row } = await checkFacilitator(ws, code, key);
  if (status !== 'approved' && status !== 'hidden') throw invalid('status', `status: ${JSON.stringify(status)} is not approved or hidden`);
  if (!(await ws.setCommentStatus(row.code, String(comment_id), status))) throw notFound('comment', `no comment ${JSON.stringify(String(comment_id).slice(0, 40))} in this workshop`);
}

export async function setScoringOpen(ws: WorkshopStore, code: string, key: string, option_id: string, open: boolean): Promise<void> {
  const { workshop, row } = await checkFacilitator(ws, code, key);
  optionOf(workshop, option_id);
  await ws.setScoringOpen(row.code, option_id, Boolean(open));
}

export async function decideOption(ws: WorkshopStore, code: string, key: string, option_id: string, decision: Decision, reason: string): Promise<void> {
  const { workshop, row } = await checkFacilitator(ws, code, key);
  optionOf(workshop, option_id);
  if (!isDecision(decision)) throw invalid('decision', `decision: ${JSON.stringify(decision ?? null)} is not one of ${DECISIONS.join(', ')}`);
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (!why) throw invalid('reason', 'reason: say why, in a sentence families will read');
  if (why.length > REASON_MAX) throw invalid('reason', `reason: at most ${REASON_MAX} characters`);
  await ws.setDecision(row.code, option_id, decision, why, new Date().toISOString());
}

export async function editOptions(ws: WorkshopStore, code: string, key: string, edit: EditOptionsInput): Promise<Workshop> {
  const { workshop, row } = await checkFacilitator(ws, code, key);
  const drop = [...new Set(edit.drop ?? [])];
  drop.forEach((id, i) => optionOf(workshop, id, `drop[${i}]`));
  const taken = new Set(workshop.options.map((o) => o.id));
  let next = 1;
  const add = (edit.add ?? []).map((a, i) => {
    const title = typeof a?.title === 'string' ? a.title.trim() : '';
    if (!title || title.length > OPTION_TITLE_MAX) throw invalid(`add[${i}].title`, `add[${i}].title: give a title of 1 to ${OPTION_TITLE_MAX} characters`);
    const summary = typeof a.summary === 'string' ? a.summary.trim() : '';
    if (summary.length > OPTION_SUMMARY_MAX) throw invalid(`add[${i}].summary`, `add[${i}].summary: at most ${OPTION_SUMMARY_MAX} characters`);
    while (taken.has(`R${next}`)) next++;
    taken.add(`R${next}`);
    return { id: `R${next}`, title, summary };
  });
  const kept = workshop.options.filter((o) => !drop.includes(o.id)).map((o) => o.id);
  const all = [...kept, ...add.map((a) => a.id)];
  const order = edit.order ?? [];
  order.forEach((id, i) => {
    if (!all.includes(id)) throw invalid(`order[${i}]`, `order[${i}]: no option ${JSON.stringify(String(id).slice(0, 40))} in this workshop`);
  });
  const final = [...new Set([...order, ...all])];
  await ws.editOptions(row.code, drop, add, final);
  return (await checkFacilitator(ws, code, key)).workshop;
}

async function setStatus(ws: WorkshopStore, code: string, key: string, status: WorkshopStatus): Promise<void> {
  const { row } = await checkFacilitator(ws, code, key);
  if (row.status !== status) await ws.setStatus(row.code, status);
}

/** Closes the workshop: nobody joins or scores any more; the results stay for the facilitator. */
export const closeWorkshop = (ws: WorkshopStore, code: string, key: string): Promise<void> => setStatus(ws, code, key, 'closed');

/** Opens a closed workshop again. */
export const reopenWorkshop = (ws: WorkshopStore, code: string, key: string): Promise<void> => setStatus(ws, code, key, 'open');

/** Deletes the workshop and everything in it: options, participants, scores, comments, decisions. */
export async function deleteWorkshop(ws: WorkshopStore, code: string, key: string): Promise<void> {
  const { row } = await checkFacilitator(ws, code, key);
  await ws.deleteWorkshop(row.code);
  if (await ws.workshop(row.code)) throw new AppError('internal', `the workshop ${displayCode(row.code)} is still there after deleting it`);
}

/** Every workshop on this store, newest first, without keys (for `sbb workshop list`). */
export async function listWorkshops(ws: WorkshopStore): Promise<Array<{ code: string; council_code: string; council_name: string; title: string; status: WorkshopStatus; created_at: string }>> {
  return (await ws.list()).map((r) => ({ code: r.code, council_code: r.council_code, council_name: r.council_name, title: r.title, status: r.status, created_at: r.created_at }));
}
