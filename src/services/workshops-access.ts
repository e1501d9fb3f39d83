// Finding a workshop by its code (as typed: any case, with or without the dash) and checking a facilitator key
// against its stored SHA-256, for the services in workshops.ts and workshops-facilitate.ts.
import { AppError, notFound } from '../domain/errors.js';
import { displayCode, normaliseCode, type Workshop } from '../domain/workshop.js';
import type { WorkshopRow, WorkshopStore } from '../store/workshop-store.js';
import { hashKey, sameHash } from './workshops-keys.js';

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
  if (!key || !sameHash(await hashKey(key), loaded.row.facilitator_hash))
    throw new AppError('forbidden', key ? 'the facilitator key is not the key of this workshop' : 'this needs the facilitator key (X-Facilitator-Key)', { field: 'facilitator_key' });
  return loaded;
}
