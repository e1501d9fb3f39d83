// Test helpers for the Worker: wrangler's own bundle of src/worker.ts on Miniflare with a D1, and loading SQL files into it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { PROJECT_ROOT } from '../../src/node/paths.js';

/** Bundles the Worker as `wrangler deploy` would (nothing is uploaded) and returns the script's text. */
export function bundleWorker(outdir: string): string {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' },
    stdio: 'pipe',
  });
  // The bundle's text, not its path: workerd refuses the '..' in the source map's paths.
  return readFileSync(join(outdir, 'worker.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
}

/** The Worker (or a stub when only the database matters) on Miniflare with an empty in-memory D1 bound as DB. */
export function workerOnD1(script = 'export default { fetch: () => new Response("") }'): Miniflare {
  return new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'test' },
  });
}

export async function d1Of(mf: Miniflare): Promise<D1Database> {
  return (await mf.getD1Database('DB')) as unknown as D1Database;
}

/**
 * Splits an SQL file into statements the way wrangler's `d1 execute --file` does: on semicolons outside quotes,
 * dropping `--` comments (D1's own exec() splits on newlines, so it cannot load strings that span lines).
 */
export function splitSqlFile(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (ch === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (quote) throw new Error('the SQL file ends inside a quoted string');
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * Runs every statement of an SQL file on the D1 database, in order, 100 to a batch: one trip through Miniflare's
 * proxy per batch rather than per statement (thousands of synchronous trips failed now and then on a loaded machine).
 */
export async function executeSqlFile(db: D1Database, text: string): Promise<number> {
  const statements = splitSqlFile(text);
  for (let i = 0; i < statements.length; i += 100) await db.batch(statements.slice(i, i + 100).map((sql) => db.prepare(sql)));
  return statements.length;
}
