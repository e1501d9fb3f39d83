// Synthetic statement pages read through the statement adapter, for the tests of what it finds (invented councils),
// with helpers that name the offers found and the facts of one.
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from '../../scrapers/adapters/adapter.js';
import { statementAdapter } from '../../scrapers/adapters/statement.js';

const ORIGIN = 'https://www.exampleshire.example';

export function pageOf(body: string, path = '/short-breaks'): PageInput {
  const url = ORIGIN + path;
  const bytes = new TextEncoder().encode(body);
  return {
    url, finalUrl: url, status: 200, contentType: 'text/html; charset=utf-8', bytes, text: body, label: 'entry', retrieved: '2026-01-02',
    source: { id: 'src_1', url, council_code: 'E10000017', kind: 'statement', platform: 'plain_html', adapter: 'statement', title: null, notes: null },
  };
}

/** The adapter's output for a page whose main content is `main`. */
export const read = async (main: string, path?: string) => statementAdapter.parse(pageOf(`<html><body><main>${main}</main></body></html>`, path));
export const offers = (out: PageOutput) => out.records.filter((r): r is Offer => r.kind === 'offer');
export const names = (out: PageOutput) => offers(out).map((o) => o.name);
export const named = (out: PageOutput, name: string) => {
  const o = offers(out).find((x) => x.name === name);
  if (!o) throw new Error(`no offer named "${name}" among: ${names(out).join(' | ')}`);
  return o;
};
export const facts = (o: Offer) => ({ gates: o.gates, age_min: o.age_min ?? null, age_max: o.age_max ?? null, tier: o.access_tier ?? null });
