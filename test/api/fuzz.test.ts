// Random and hostile query strings and path segments at every route (long, unicode, SQL fragments, malformed
// percent-encoding, repeated parameters): never a 500, always an envelope, and nothing stored changes.
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/http/route-catalog.js';
import { seededRandom } from '../../src/scoring/rng.js';
import { dumpDb, servedBuiltDb } from '../support/temp-db.js';

const HOSTILE = [
  '',
  ' ',
  "' OR 1=1 --",
  '1; DROP TABLE offers; --',
  '" UNION SELECT * FROM meta --',
  '%27%20OR%20%271%27%3D%271',
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%00',
  '\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301',
  'x'.repeat(5000),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '[]',
  '{"a":1}',
  'null',
  'true',
  'E10000017',
  '888',
  'custom:E10000017,888,E99999999',
  'custom:' + 'E10000017,'.repeat(300),
  'equity=2,choice=-0',
  'choice=1e3',
  'WyJ4IiwieSJd',
  'universal',
  'type',
  'name',
];
const NAMES = ['council', 'type', 'tier', 'category', 'age', 'cost', 'group', 'weights', 'samples', 'seed', 'theme', '_size', '_next', '_sort', '_sort_desc', '_facet', '_', '__proto__', 'constructor', 'x'.repeat(300), '%ZZ', 'a[b]', ''];

const served = servedBuiltDb();

function randomQuery(random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const n = Math.floor(random() * 5);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = pick(NAMES);
    const value = pick(HOSTILE);
    const raw = random() < 0.3;
    parts.push(`${raw ? name : encodeURIComponent(name)}=${raw ? value : encodeURIComponent(value)}`);
    if (random() < 0.15) parts.push(parts[parts.length - 1]!);
  }
  return parts.length ? `?${parts.join('&')}` : random() < 0.5 ? '?' : '';
}

describe('fuzzing every route', () => {
  const gets = ROUTES.filter((r) => r.method === 'GET' && !r.formats.includes('pdf'));
  const before = () => dumpDb(served.db.path);

  it.each(gets.map((r) => [r.path, r]))('%s never answers 500 to random and hostile input', async (_p, r) => {
    const random = seededRandom([...r.path].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7));
    const templates = r.path.includes('{')
      ? [r.path.replace('{code}.{format}', 'E10000017.html').replace('{code}', 'E10000017').replace('{id}', 'run_x'), r.path]
      : [r.path, `${r.path}.csv`];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 60; i++) {
      let path = templates[i % templates.length]!;
      if (path.includes('{'))
        path = path.replace(/\{(\w+)\}/g, () => {
          const v = HOSTILE[Math.floor(random() * HOSTILE.length)]!;
          return random() < 0.5 ? encodeURIComponent(v) : v.replace(/[/?#\s]/g, '');
        });
      const res = await fetch(served.url + path + randomQuery(random));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${path}`).toBeLessThan(500);
      const type = res.headers.get('content-type') ?? '';
      if (res.status >= 400) {
        expect(type, path).toMatch(/^application\/json/);
        expect(await res.json(), path).toMatchObject({ ok: false, status: res.status, error: expect.any(String), errors: expect.any(Array) });
      } else await res.arrayBuffer();
    }
    expect([...statuses.keys()].some((s) => s === 400 || s === 404)).toBe(true);
  }, 60_000);

  it('leaves the database exactly as it was', async () => {
    const snapshot = before();
    for (const path of ["/api/offers?council=%27%3B%20DROP%20TABLE%20offers%3B%20--", "/api/compare/E10000017?group=custom:E10000017'%20OR%201=1"]) await (await fetch(served.url + path)).arrayBuffer();
    expect(dumpDb(served.db.path)).toEqual(snapshot);
  });
});
