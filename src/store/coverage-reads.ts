// Reads what the store holds for every council at once, for the coverage report: entry points by kind, current
// offers and council facts, and the newest dates among them. Four grouped queries, no bound parameters.
import type { SqlDriver, SqlRow } from './sql-driver.js';

type Row = SqlRow & Record<string, string | number | null>;

export interface CouncilCoverageCounts {
  code: string;
  la_number: string;
  name: string;
  type: string;
  region_code: string;
  region_name: string;
  /** Sources marked as entry points (where a scrape starts), counted by kind; empty when there are none. */
  entry_points: Record<string, number>;
  /** Current offers: not disappeared, duplicates folded away (as scoring and /api/offers count them). */
  offers: number;
  facts: number;
  /** The newest date a record's page states for itself; null when no record states one. */
  newest_published: string | null;
  /** The newest date a record was read; null when the council has no records. */
  newest_retrieved: string | null;
}

const newest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every council in name order with its counts; a council with nothing stored has zero counts and null dates. */
export async function readCoverageCounts(db: SqlDriver): Promise<CouncilCoverageCounts[]> {
  const [councils, entryPoints, offers, facts] = await Promise.all([
    db.all<Row>('SELECT c.code, c.la_number, c.name, c.type, c.region_code, r.name AS region_name FROM councils c JOIN regions r ON r.code = c.region_code ORDER BY c.name, c.code'),
    db.all<Row>('SELECT council_code, kind, COUNT(*) AS n FROM sources WHERE entry_point = 1 AND council_code IS NOT NULL GROUP BY council_code, kind ORDER BY council_code, kind'),
    db.all<Row>(
      `SELECT council_code, COUNT(*) AS n, MAX(published) AS published, MAX(retrieved) AS retrieved
         FROM offers WHERE disappeared_at IS NULL AND duplicate_of IS NULL GROUP BY council_code`,
    ),
    db.all<Row>('SELECT council_code, COUNT(*) AS n, MAX(published) AS published, MAX(retrieved) AS retrieved FROM council_facts GROUP BY council_code'),
  ]);
  const kinds = new Map<string, Record<string, number>>();
  for (const r of entryPoints) {
    const code = String(r.council_code);
    kinds.set(code, { ...kinds.get(code), [String(r.kind)]: Number(r.n) });
  }
  const byCouncil = (rows: Row[]) => new Map(rows.map((r) => [String(r.council_code), r]));
  const offerRows = byCouncil(offers);
  const factRows = byCouncil(facts);
  return councils.map((c) => {
    const code = String(c.code);
    const o = offerRows.get(code);
    const f = factRows.get(code);
    return {
      code,
      la_number: String(c.la_number),
      name: String(c.name),
      type: String(c.type),
      region_code: String(c.region_code),
      region_name: String(c.region_name),
      entry_points: kinds.get(code) ?? {},
      offers: Number(o?.n ?? 0),
      facts: Number(f?.n ?? 0),
      newest_published: newest(textOrNull(o?.published), textOrNull(f?.published)),
      newest_retrieved: newest(textOrNull(o?.retrieved), textOrNull(f?.retrieved)),
    };
  });
}
