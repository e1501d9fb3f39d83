// Where things live (README, Layout): unit tests beside the module they are named after, integration tests under
// test/<area>/, shared helpers in test/support/, and a README whose picture names every layer the lint rules know.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../eslint/layers.js';
import { PROJECT_ROOT } from '../src/node/paths.js';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(PROJECT_ROOT, p).split('\\').join('/'));
    }
  };
  walk(join(PROJECT_ROOT, dir));
  return out;
}

describe('the layout of the code and its tests', () => {
  it('keeps a unit test beside the module it is named after', () => {
    const tests = [...filesUnder('src'), ...filesUnder('scrapers')].filter((f) => f.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(20);
    const orphans = tests.filter((t) => !['.ts', '.tsx'].some((ext) => existsSync(join(PROJECT_ROOT, t.replace(/\.test\.ts$/, ext)))));
    expect(orphans, 'name a unit test after its module (x.ts + x.test.ts), or move it under test/<area>/').toEqual([]);
  });

  it('keeps shared test code in test/support, data in test/fixtures, and only tests elsewhere under test/', () => {
    const homes = ['test/support/', 'test/fixtures/', 'test/bench/', 'test/eval/'];
    const stray = filesUnder('test').filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !homes.some((h) => f.startsWith(h)));
    expect(stray, 'helpers go in test/support/').toEqual([]);
  });

  it('draws every layer of eslint/layers.js in the README', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 5));
    for (const layer of LAYERS) for (const dir of layer.dirs) expect(layout, `${dir} (layer ${layer.name})`).toContain(dir);
  });
});
