// The type x time-slot grid: which cells an offer covers, and the reference grid every council is measured on.
import type { Offer } from '../domain/index.js';
import type { TaxonomyIndex } from '../domain/taxonomy.js';

/** The column for offers whose type has no usual time and that state none. */
export const ANY_SLOT = 'any';

export interface Cell {
  key: string;
  type: string;
  slot: string;
}

export const cellKey = (type: string, slot: string) => `${type}|${slot}`;

export function typeDefaults(taxonomy: TaxonomyIndex): Map<string, string[]> {
  return new Map(taxonomy.terms('types').map((t) => [t.code, t.default_time_slots]));
}

/** The cells one offer covers: its stated time slots, else its type's usual ones, else the type's "any" cell. */
export function offerCells(offer: Pick<Offer, 'type' | 'time_slots'>, defaults: Map<string, string[]>): string[] {
  if (!offer.type) return [];
  const slots = offer.time_slots.length ? offer.time_slots : (defaults.get(offer.type) ?? []);
  return (slots.length ? slots : [ANY_SLOT]).map((s) => cellKey(offer.type!, s));
}

/**
 * The cells a council covers. Holding any offer of a type also covers that type's "any" cell, so an offer
 * that states its times is never counted as missing a cell that only says "some time".
 */
export function councilCells(offers: readonly Offer[], defaults: Map<string, string[]>): Set<string> {
  const cells = new Set<string>();
  for (const o of offers) {
    for (const c of offerCells(o, defaults)) cells.add(c);
    if (o.type) cells.add(cellKey(o.type, ANY_SLOT));
  }
  return cells;
}

/**
 * The reference grid: every type's usual cells, plus every cell any council's current offer covers
 * (a type's "any" cell only when some offer of that type states no time). Ordered as the taxonomy lists them.
 */
export function referenceGrid(allOffers: Iterable<readonly Offer[]>, taxonomy: TaxonomyIndex): Cell[] {
  const defaults = typeDefaults(taxonomy);
  const keys = new Set<string>();
  for (const t of taxonomy.terms('types')) for (const s of t.default_time_slots) keys.add(cellKey(t.code, s));
  for (const offers of allOffers) for (const o of offers) for (const c of offerCells(o, defaults)) keys.add(c);
  const slotOrder = [...taxonomy.codes('time_slots'), ANY_SLOT];
  const cells: Cell[] = [];
  for (const t of taxonomy.terms('types'))
    for (const s of slotOrder) if (keys.has(cellKey(t.code, s))) cells.push({ key: cellKey(t.code, s), type: t.code, slot: s });
  return cells;
}
