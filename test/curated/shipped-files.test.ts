// The curated files in data/curated/ are valid, honest (a source and a date on every record) and cover the named councils.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { curatedFiles, loadTaxonomy } from '../../src/node/data-files.js';
import { readCuratedFiles } from '../../src/node/import-files.js';
import { REFERENCE_DIR } from '../../src/node/paths.js';

const councilCodes = new Set(
  (parse(readFileSync(`${REFERENCE_DIR}/la_master_153.csv`), { columns: true }) as Array<{ new_la_code: string }>).map((r) => r.new_la_code),
);
const records = readCuratedFiles(curatedFiles(), loadTaxonomy(), councilCodes);

describe('shipped curated facts', () => {
  it('all validate against the schema, the taxonomy and the council list', () => {
    expect(records.length).toBeGreaterThan(200);
  });

  it('every record has an http(s) source URL, an evidence quote and a retrieved date', () => {
    for (const r of records) {
      expect(r.source.url, r.id).toMatch(/^https?:\/\//);
      expect(r.evidence_quote.length, r.id).toBeGreaterThan(3);
      expect(r.retrieved, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('covers Lancashire and Bedford, the two cases the product was built around', () => {
    const lancs = records.filter((r) => r.council_code === 'E10000017');
    expect(lancs.filter((r) => r.kind === 'offer').map((r) => r.kind === 'offer' && r.tier_label)).toEqual(
      expect.arrayContaining(['Break-time', 'Day-time', 'Night-time']),
    );
    const breakTime = lancs.find((r) => r.id === 'lancashire-break-time');
    expect(breakTime).toMatchObject({ allowances: [{ min: 10, max: 50, unit: 'hours', per: 'year' }], cost: { status: 'charged' } });
    expect(records.some((r) => r.council_code === 'E06000055')).toBe(true);
  });

  it('records figures the notes state: Hertfordshire 40 hours at £2, Sheffield grant £400', () => {
    const offers = records.flatMap((r) => (r.kind === 'offer' ? [r] : []));
    const herts = offers.filter((o) => o.council_code === 'E10000015');
    expect(herts.some((o) => o.allowances.some((a) => a.max === 40 && a.unit === 'hours' && a.per === 'year'))).toBe(true);
    expect(herts.some((o) => o.cost.charges.some((c) => c.amount_gbp === 2 && c.per === 'hour'))).toBe(true);
    const sheffield = offers.filter((o) => o.council_code === 'E08000039');
    expect(sheffield.some((o) => o.allowances.some((a) => a.max === 400 && a.unit === 'gbp'))).toBe(true);
  });
});
