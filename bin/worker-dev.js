#!/usr/bin/env node
// `npm run worker:dev`: loads the SQLite database into wrangler's local D1 (after its migrations), then runs `wrangler dev`.
// node bin/worker-dev.js [--db PATH] [--persist-to DIR] [--port 8788] [--reload] [--load-only]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WRANGLER = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const SBB = join(ROOT, 'bin', 'sbb.js');

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' },
    'persist-to': { type: 'string' },
    port: { type: 'string', default: '8788' },
    reload: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
  },
});
// The same default database as the CLI's configuration (src/node/config.ts reads src/node/defaults.json too).
const DEFAULTS = JSON.parse(readFileSync(join(ROOT, 'src', 'node', 'defaults.json'), 'utf8'));
const db = resolve(opts.db || process.env.SBB_DB || join(ROOT, DEFAULTS.database));
const persist = resolve(opts['persist-to'] ?? join(ROOT, '.wrangler', 'state'));
const d1Dir = join(persist, 'v3', 'd1');
const stampFile = join(persist, 'sbb-loaded.json');
const sqlFile = join(persist, 'sbb-export.sql');
// No network here: wrangler must not try to send metrics, and must not stop to ask before applying migrations.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

function run(label, args, extraEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}worker-dev: ${label} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
  process.stdout.write(`worker-dev: ${label} (${seconds(t0)} s)\n`);
  return r.stdout;
}

const d1 = (...args) => [WRANGLER, 'd1', ...args, 'DB', '--local', '--persist-to', persist];

/** What the local D1 was loaded from: the database file as it is now, and the migrations it was built with. */
function currentStamp() {
  const s = statSync(db);
  const migrations = readdirSync(join(ROOT, 'src', 'store', 'migrations')).filter((f) => f.endsWith('.sql')).sort();
  return JSON.stringify({ db, size: s.size, mtimeMs: s.mtimeMs, migrations });
}

if (!existsSync(db)) run(`built ${db}`, [SBB, 'db', 'build', '--db', db]);

const stamp = currentStamp();
const loaded = existsSync(stampFile) && existsSync(d1Dir) ? readFileSync(stampFile, 'utf8') : '';
if (!opts.reload && loaded === stamp) {
  process.stdout.write(`worker-dev: the local D1 in ${persist} already holds ${db} (--reload to load it again)\n`);
} else {
  const t0 = performance.now();
  // A fresh local D1 each time: loading twice would collide on primary keys, and the schema may have moved on.
  rmSync(d1Dir, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  mkdirSync(persist, { recursive: true });
  process.stdout.write(run('exported the database', [SBB, 'db', 'export-sql', '--db', db, '--out', sqlFile]).trimEnd().replace(/^/gm, '  ') + '\n');
  run('applied the migrations to the local D1', d1('migrations', 'apply'), { CI: '1' });
  run(`loaded ${sqlFile} into the local D1`, [...d1('execute'), '--file', sqlFile, '--yes'], { CI: '1' });
  writeFileSync(stampFile, stamp);
  process.stdout.write(`worker-dev: local D1 ready in ${seconds(t0)} s\n`);
}

if (opts['load-only']) process.exit(0);

const dev = spawn(process.execPath, [WRANGLER, 'dev', '--local', '--ip', '127.0.0.1', '--port', opts.port, '--persist-to', persist], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
