// The compare answer's JSON made from shared parts (src/http/compare-json.ts) is, character for character, what
// JSON.stringify gives, on the real database: new weights for a group asked before (its parts and their text kept),
// groups never asked before, every member explained, no samples; over HTTP and in process.
import { describe, expect, it } from 'vitest';
import { compareEnvelopeJson } from '../../src/http/compare-json.js';
import { compare, type ScoringOptions } from '../../src/scoring/compare.js';
import { positionSentence } from '../../src/scoring/present.js';
import { scoringModelFor } from '../../src/services/scoring-model.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb({ readonly: true });

describe('the compare answer made from shared parts', () => {
  it('is the text JSON.stringify gives, for new weights, new groups, every member explained and no samples', async () => {
    const model = await scoringModelFor(served.store);
    const codes = model.data.councils.map((c) => c.code);
    const asks: Array<[string, ScoringOptions]> = [];
    for (let i = 0; i < 12; i++) asks.push(['E10000017', { weights: `choice=${(1 + i / 10).toFixed(2)},equity=${i % 3}` }]);
    for (let i = 0; i < 24; i++) {
      const code = codes[(i * 37) % codes.length]!;
      const group = `custom:${[code, ...Array.from({ length: 2 + (i % 7) }, (_, k) => codes[(i * 7 + k * k * 13 + k) % codes.length])].join(',')}`;
      // Each group twice with other weights, so that the second and third asks read kept parts and their text.
      for (const weights of [undefined, 'quality=2', 'suitability=0'])
        asks.push([code, { group, weights, ...(i % 3 === 0 ? { explain: 'all' as const } : {}), ...(i % 4 === 1 ? { samples: 0 } : {}) }]);
    }
    for (const code of codes.slice(0, 20)) asks.push([code, {}]);
    for (const [code, opts] of [...asks, ...asks]) {
      const r = compare(model, code, opts);
      const meta = { method_version: r.method_version, group: r.group.id, weights: r.weights.spec, position: positionSentence(r) };
      expect(compareEnvelopeJson(r, meta)).toBe(JSON.stringify({ ok: true, data: r, meta }));
    }
  });

  it('is what the API answers', async () => {
    const model = await scoringModelFor(served.store);
    for (const [query, opts] of [
      ['', {}],
      ['?weights=choice=1.37', { weights: 'choice=1.37' }],
      ['?group=custom:E10000017,E10000019,E08000002&explain=all', { group: 'custom:E10000017,E10000019,E08000002', explain: 'all' as const }],
    ] as const) {
      for (let again = 0; again < 2; again++) {
        const text = await (await fetch(`${served.url}/api/compare/E10000017${query}`)).text();
        const r = compare(model, 'E10000017', opts);
        expect(text).toBe(JSON.stringify({ ok: true, data: r, meta: { method_version: r.method_version, group: r.group.id, weights: r.weights.spec, position: positionSentence(r) } }));
      }
    }
  });
});
