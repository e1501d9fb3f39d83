// Every command finds a council the same way (GSS code, previous GSS code, LA number or name) and refuses an
// unknown one the same way: the input named, near misses offered, exit 1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDb, runCli } from '../support/temp-db.js';

describe('one council lookup on the command line', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb();
  }, 60_000);
  afterAll(() => db?.cleanup());

  const codeOf = async (key: string) => {
    const r = await runCli('council', key, '--json', '--db', db.path);
    expect(r.code, `${key}: ${r.stderr}`).toBe(0);
    return (JSON.parse(r.stdout) as { council: { code: string } }).council.code;
  };

  it('finds a council by GSS code, previous GSS code, LA number and its name in any case', async () => {
    expect(await codeOf('E10000017')).toBe('E10000017');
    expect(await codeOf('E08000019')).toBe('E08000039');
    expect(await codeOf('888')).toBe('E10000017');
    expect(await codeOf('lancashire')).toBe('E10000017');
    expect(await codeOf('County Durham')).toBe('E06000047');
    expect(await codeOf('Durham')).toBe('E06000047');
    expect(await codeOf('Bristol')).toBe('E06000023');
    expect(await codeOf('Bristol, City of')).toBe('E06000023');
    expect(await codeOf('Herefordshire')).toBe('E06000019');
  });

  it('sbb compare answers for a previous GSS code and for a name', async () => {
    const sheffield = await runCli('compare', 'E08000019', '--samples', '0', '--db', db.path);
    expect(sheffield.code, sheffield.stderr).toBe(0);
    expect(sheffield.stdout).toMatch(/^Sheffield \(E08000039\)/);
    const lancashire = await runCli('compare', 'lancashire', '--samples', '0', '--db', db.path);
    expect(lancashire.code, lancashire.stderr).toBe(0);
    expect(lancashire.stdout).toMatch(/^Lancashire \(E10000017\), North West/);
    const custom = await runCli('compare', 'Lancashire', '--group', 'custom:Cumberland,E08000019', '--samples', '0', '--format', 'json', '--db', db.path);
    expect(JSON.parse(custom.stdout).group.members).toEqual(['E10000017', 'E06000063', 'E08000039']);
  });

  it('offers near misses', async () => {
    const r = await runCli('council', 'Lancshire', '--db', db.path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no council with code "Lancshire" \(did you mean Lancashire, E10000017\?\)/);
  });

  it('an unknown council exits 1 from every command, naming it', async () => {
    const page = join(db.dir, 'page.html');
    writeFileSync(page, '<html><title>A page</title></html>');
    const commands = [
      ['council', 'Atlantis'],
      ['diff', 'Atlantis'],
      ['compare', 'Atlantis'],
      ['gaps', 'Atlantis'],
      ['pack', 'Atlantis', '--out', join(db.dir, 'pack.zip'), '--no-pdf'],
      ['sources', 'add', 'Atlantis', 'https://atlantis.example/'],
      ['sources', 'list', 'Atlantis'],
      ['classify', '--council', 'Atlantis'],
      ['scrape', '--council', 'Atlantis'],
      ['reparse', '--council', 'Atlantis'],
      ['parse', page, '--adapter', 'snapshot', '--council', 'Atlantis'],
      ['ofsted', 'fetch', '--council', 'Atlantis'],
    ];
    for (const args of commands) {
      const r = await runCli(...args, '--db', db.path);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/no council with code "Atlantis"/);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });
});
