// docs/method.md is the published method: it must give every metric with the formula the code uses, and the
// method version and presets the config holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCORING_CONFIG } from '../../src/scoring/config.js';
import { METRICS } from '../../src/scoring/metric-defs.js';

const doc = readFileSync(new URL('../../docs/method.md', import.meta.url), 'utf8');

describe('docs/method.md', () => {
  it('states the method version the code stamps on results', () => {
    expect(doc).toContain(`Method version **${SCORING_CONFIG.method_version}**`);
  });

  it.each(METRICS.map((m) => [m.id, m]))('gives %s with its formula and direction', (_id, m) => {
    expect(doc).toContain(`| \`${m.id}\` | ${m.formula} | ${m.better} |`);
  });

  it('lists every weight preset with its weights', () => {
    for (const [name, p] of Object.entries(SCORING_CONFIG.weight_presets)) {
      const w = p.weights;
      expect(doc).toMatch(new RegExp(`\\| \`${name}\`( \\(default\\))? \\| ${w.choice} \\| ${w.equity} \\| ${w.quality} \\| ${w.suitability} \\|`));
    }
  });
});
