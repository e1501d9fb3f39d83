// The source registry (data/sources.csv): every council's known entry points, validated row by row.
import { z } from 'zod';
import { CouncilCode, PartialDate, Platform, SourceKind, type Source } from '../domain/index.js';
import type { CsvRow } from './areas.js';

/** A registry row as a source (its id is given when it is stored). */
export type RegistrySource = Omit<Source, 'id'> & { council_code: string };

const Row = z.object({
  council_code: CouncilCode,
  url: z.string().refine((u) => u === '' || /^https?:\/\/\S+$/.test(u), 'must be an http(s) URL or empty'),
  kind: z.union([SourceKind, z.literal('')]),
  platform: z.union([Platform, z.literal('')]),
  title: z.string(),
  note: z.string(),
  /** The date the page itself states (YYYY, YYYY-MM or YYYY-MM-DD), where it states one. */
  seen: z.union([PartialDate, z.literal('')]),
});

/** Rows with a URL become sources; rows without one record that nothing is known yet. Problems name line and field. */
export function readSourceRegistry(rows: readonly CsvRow[], knownCouncils: ReadonlySet<string>): { sources: RegistrySource[]; councilsWithout: string[]; problems: string[] } {
  const sources: RegistrySource[] = [];
  const without: string[] = [];
  const problems: string[] = [];
  rows.forEach((raw, i) => {
    const line = i + 2;
    const parsed = Row.safeParse({ council_code: raw.council_code, url: raw.url ?? '', kind: raw.kind ?? '', platform: raw.platform ?? '', title: raw.title ?? '', note: raw.note ?? '', seen: raw.seen ?? '' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`line ${line}: ${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    const r = parsed.data;
    if (!knownCouncils.has(r.council_code)) problems.push(`line ${line}: council_code: unknown council "${r.council_code}"`);
    else if (!r.url) without.push(r.council_code);
    else if (!r.kind) problems.push(`line ${line}: kind: a row with a URL needs a kind`);
    else sources.push({ council_code: r.council_code, url: r.url, kind: r.kind, platform: r.platform || null, title: r.title || null, notes: [r.note, r.seen && `the page states the date ${r.seen}`].filter(Boolean).join('; ') || null });
  });
  return { sources, councilsWithout: without, problems };
}
