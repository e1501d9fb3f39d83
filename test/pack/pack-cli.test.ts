// `sbb pack CODE --out FILE.zip|DIR` on a database built from data/: what it writes, and its usage errors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDb, runCli } from '../support/temp-db.js';

describe('sbb pack', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb();
  });
  afterAll(() => db.cleanup());

  it('writes one ZIP with the manifest and every file (--no-pdf leaves out the PDFs)', async () => {
    const out = join(db.dir, 'packs', 'lancashire.zip');
    const r = await runCli('pack', 'E10000017', '--db', db.path, '--theme', 'overnight', '--weights', 'equity-first', '--no-pdf', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    expect(r.stdout).toMatch(/Lancashire against DfE statistical neighbours \(2025 model\); theme overnight; \d+ options, \d+ evidence cards, \d+ sources/);
    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(entries)).toContain('pack.html');
    expect(Object.keys(entries).some((k) => k.endsWith('.pdf'))).toBe(false);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest).toMatchObject({ council: { code: 'E10000017' }, theme: 'overnight', weights: { preset: 'equity-first' } });
  });

  it('writes the files into a directory when --out is not a .zip', async () => {
    const out = join(db.dir, 'pack-dir');
    const r = await runCli('pack', '888', '--db', db.path, '--no-pdf', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['data', 'easy-read.html', 'manifest.json', 'pack.html']);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['annex.xlsx', 'metrics.csv', 'offers.csv', 'options.csv', 'scores.csv', 'sources.csv']);
  });

  it('puts --contact and --return-by on the easy read, and refuses a return date that is not a date', async () => {
    const out = join(db.dir, 'pack-card');
    const r = await runCli('pack', '888', '--db', db.path, '--no-pdf', '--contact', 'Short breaks team, shortbreaks@exampleshire.example', '--return-by', '2027-01-15', '--out', out);
    expect(r.code).toBe(0);
    const easy = readFileSync(join(out, 'easy-read.html'), 'utf8');
    expect(easy).toContain('shortbreaks@exampleshire.example');
    expect(easy).toMatch(/Please give it back by [^<]*2027/);
    const bad = await runCli('pack', '888', '--db', db.path, '--no-pdf', '--return-by', 'next week', '--out', join(db.dir, 'pack-bad'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/return_by: "next week" is not a date/);
  });

  it('refuses an unknown theme, group or council with one line and exit 1, and a missing --out with exit 2 (usage)', async () => {
    for (const args of [['--theme', 'sunshine'], ['--group', 'friends'], ['--weights', 'kindness=1']]) {
      const r = await runCli('pack', 'E10000017', '--db', db.path, '--no-pdf', '--out', join(db.dir, 'x.zip'), ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^sbb: ${args[0]!.slice(2)}: `));
    }
    const none = await runCli('pack', 'E99999999', '--db', db.path, '--no-pdf', '--out', join(db.dir, 'x.zip'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no council with code "E99999999"');
    expect(existsSync(join(db.dir, 'x.zip'))).toBe(false);
    const noOut = await runCli('pack', 'E10000017', '--db', db.path);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("required option '--out <path>' not specified");
  });
});
