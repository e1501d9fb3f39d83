// A council's own offer in a few plain lines, for the council and compare pages: how many offers were found, from
// how many sources, read and published when, of which types, at what cost. When nothing was found it says so plainly.
import type { Offer } from '../domain/index.js';
import type { TaxonomyIndex } from '../domain/taxonomy.js';

type Shown = Pick<Offer, 'name' | 'type' | 'time_slots' | 'cost' | 'source' | 'published' | 'retrieved'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const range = (dates: string[]) => {
  const s = [...new Set(dates)].sort();
  if (!s.length) return null;
  return s.length === 1 ? `on ${s[0]}` : `between ${s[0]} and ${s[s.length - 1]}`;
};

/** Sentences about what was found of a council's own offer. */
export function offerSummary(name: string, offers: readonly Shown[], taxonomy: TaxonomyIndex): string[] {
  if (!offers.length)
    return [
      `No offer of ${name}'s own was found in what it publishes so far. That is what we could find, not what ${name} provides: check its Local Offer before reading anything here as a gap.`,
    ];
  const sources = new Set(offers.map((o) => o.source.url)).size;
  const read = range(offers.map((o) => o.retrieved));
  const published = offers.map((o) => o.published).filter((d): d is string => Boolean(d));
  const lines = [
    `${plural(offers.length, 'offer')} found, from ${plural(sources, 'source')} read ${read}; ${
      published.length ? `the newest publication date the pages state is ${[...published].sort().at(-1)}` : 'no page states when it was published'
    }${published.length && published.length < offers.length ? ` (${offers.length - published.length} state none)` : ''}.`,
  ];
  const byType = new Map<string, number>();
  for (const o of offers) {
    const label = o.type ? (taxonomy.label('types', o.type) ?? o.type) : 'type not known';
    byType.set(label, (byType.get(label) ?? 0) + 1);
  }
  lines.push(`Types: ${[...byType].map(([t, n]) => (n > 1 ? `${t} (${n})` : t)).join('; ')}.`);
  const slots = new Set(offers.flatMap((o) => o.time_slots).map((s) => taxonomy.label('time_slots', s) ?? s));
  const unstated = offers.filter((o) => !o.time_slots.length).length;
  lines.push(
    slots.size
      ? `Times: ${[...slots].join(', ')}${unstated ? `; ${plural(unstated, 'offer does', 'offers do')} not say when` : ''}.`
      : 'No offer says when it runs (after school, weekends, holidays, overnight).',
  );
  const cost = { free: 0, charged: 0, unknown: 0 } as Record<string, number>;
  for (const o of offers) cost[o.cost.status] = (cost[o.cost.status] ?? 0) + 1;
  lines.push(`Cost to families: free ${cost.free ?? 0}, charged ${cost.charged ?? 0}, not stated ${cost.unknown ?? 0}.`);
  return lines;
}
