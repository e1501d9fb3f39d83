// Finding a workshop by its code (as typed: any case, with or without the dash) and checking a facilitator's or a
// participant's key against its stored SHA-256, for the services in workshops*.ts.
import { AppError, notFound } from '../domain/errors.js';
import { displayCode, normaliseCode, type Workshop } from '../domain/workshop.js';
import type { ParticipantRow, WorkshopRow, WorkshopStore } from '../store/workshop-store.js';
import { timed, type Timings } from './timings.js';
import { hashKey, sameHash } from './workshops-keys.js';

/** A key's SHA-256 in hex, with the runtime's own synchronous hash where it has one (Node). */
export const keyHash = (ws: WorkshopStore, key: string): Promise<string> => (ws.sha256 ? Promise.resolve(ws.sha256(key)) : hashKey(key));

/** A workshop's row and options as the domain's Workshop. */
export async function loadWorkshop(ws: WorkshopStore, code: string): Promise<{ workshop: Workshop; row: WorkshopRow }> {
  const stored = normaliseCode(code);
  const row = stored ? await ws.workshop(stored) : undefined;
  if (!row) throw notFound('code', `no workshop with the code ${stored ? displayCode(stored) : JSON.stringify(code.slice(0, 40))}: check the code you were given`);
  const options = await ws.options(row.code);
  const workshop: Workshop = {
    code: row.code,
    council_code: row.council_code,
    council_name: row.council_name,
    title: row.title,
    theme: row.theme,
    group: row.group_spec,
    status: row.status,
    created_at: row.created_at,
    options: options.map((o) => ({
      id: o.id,
      title: o.title,
      summary: o.summary,
      easy_read: o.easy_read,
      position: o.position,
      scoring_open: o.scoring_open === 1,
      decision: o.decision ? { decision: o.decision, reason: o.decision_reason ?? '', decided_at: o.decided_at ?? '' } : null,
    })),
    factors: JSON.parse(row.factors) as Workshop['factors'],
    scale: JSON.parse(row.scale) as Workshop['scale'],
  };
  return { workshop, row };
}

/** Checks the facilitator key against the workshop's stored hash: a 403 naming the key when it is missing or wrong. */
export async function checkFacilitator(ws: WorkshopStore, code: string, key: string | undefined): Promise<{ workshop: Workshop; row: WorkshopRow }> {
  const loaded = await loadWorkshop(ws, code);
  if (!key || !sameHash(await keyHash(ws, key), loaded.row.facilitator_hash))
    throw new AppError('forbidden', key ? 'the facilitator key is not the key of this workshop' : 'this needs the facilitator key (X-Facilitator-Key)', { field: 'facilitator_key' });
  return loaded;
}

/** A workshop's settings without its revision: what a submission or a join checks against. */
export type Settings = { workshop: Workshop; row: Omit<WorkshopRow, 'revision'> };

/** Settings kept per store between facilitator changes (Node's file only: the store's stamp is undefined on D1). */
const kept = new WeakMap<WorkshopStore, Map<string, { stamp: string; settings: Settings }>>();
const KEPT_MAX = 200;

/** As loadWorkshop, without the revision, from memory while nothing in the workshop's row or options has changed. */
export async function loadSettings(ws: WorkshopStore, code: string): Promise<Settings> {
  const stamp = await ws.settingsStamp();
  if (stamp === undefined) return loadWorkshop(ws, code);
  let byCode = kept.get(ws);
  if (!byCode) kept.set(ws, (byCode = new Map()));
  const hit = byCode.get(normaliseCode(code) ?? '');
  if (hit && hit.stamp === stamp) return hit.settings;
  const settings = await loadWorkshop(ws, code);
  if (byCode.size >= KEPT_MAX) byCode.delete(byCode.keys().next().value!);
  byCode.set(settings.row.code, { stamp, settings });
  return settings;
}

/**
 * Participants found by key hash, kept (Node's file only) under the settings stamp they were read with: a participant
 * row never changes, and goes only with its workshop, whose deletion moves the stamp (here or in another process).
 */
const keptParticipants = new WeakMap<WorkshopStore, Map<string, { stamp: string; row: ParticipantRow }>>();
const PARTICIPANTS_KEPT_MAX = 10_000;

async function findParticipant(ws: WorkshopStore, hash: string): Promise<ParticipantRow | undefined> {
  const stamp = await ws.settingsStamp();
  if (stamp === undefined) return ws.participant(hash);
  let byHash = keptParticipants.get(ws);
  if (!byHash) keptParticipants.set(ws, (byHash = new Map()));
  const hit = byHash.get(hash);
  if (hit && hit.stamp === stamp) return hit.row;
  const row = await ws.participant(hash);
  if (row) {
    if (byHash.size >= PARTICIPANTS_KEPT_MAX) byHash.delete(byHash.keys().next().value!);
    byHash.set(hash, { stamp, row: { id: row.id, workshop_code: row.workshop_code, role: row.role, key_hash: row.key_hash } });
  }
  return row;
}

/** The participant a key belongs to in this workshop: a 403 naming the key otherwise. */
export async function participantOf(ws: WorkshopStore, code: string, key: unknown, timings?: Timings): Promise<ParticipantRow> {
  if (typeof key !== 'string' || !key) throw new AppError('forbidden', 'participant_key: give the key you were given when you joined', { field: 'participant_key' });
  const hash = await timed(timings, 'hash', () => keyHash(ws, key));
  const p = await timed(timings, 'db', () => findParticipant(ws, hash));
  if (!p || p.workshop_code !== code || !sameHash(hash, p.key_hash)) throw new AppError('forbidden', 'participant_key: not a key of this workshop (join again to get one)', { field: 'participant_key' });
  return p;
}
