// Helpers over the scoring snapshot (its types are in the domain): figures, the data date, medians.
import type { ScoringCouncil, ScoringInspection, ScoringFinding, Figure, ScoringData } from '../domain/index.js';

export type { ScoringCouncil, ScoringInspection, ScoringFinding, Figure, ScoringData };

export const figure = (data: ScoringData, area: string, measure: string): Figure | undefined => data.figures.get(area)?.get(measure);

/** The date the data describes: the latest date any stored offer or fact was retrieved (never the wall clock). */
export function dataDate(data: ScoringData): string | null {
  let latest: string | null = null;
  for (const list of [...data.offers.values(), ...data.facts.values()])
    for (const r of list) if (!latest || r.retrieved > latest) latest = r.retrieved;
  return latest;
}

/** The median of the values (null for none). */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const NAMES = new WeakMap<ScoringData, ReadonlyMap<string, string>>();

/** Each council's name by its code: the same for every request on the same data, so made once per snapshot. */
export function councilNames(data: ScoringData): ReadonlyMap<string, string> {
  let names = NAMES.get(data);
  if (!names) NAMES.set(data, (names = new Map(data.councils.map((c) => [c.code, c.name]))));
  return names;
}
