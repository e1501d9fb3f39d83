#!/usr/bin/env node
// Entry point of the `sbb` command: runs the compiled CLI (dist/cli, built by `npm ci`'s prepare script) when it
// is at least as new as the sources, else the TypeScript sources through tsx's loader. Output into a closed
// pipe (`sbb councils | head -1`) ends the command quietly.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'dist', 'cli', 'BUILT');

for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

/** The newest modification time of the files the compiled CLI is made from (sources and the JSON it bundles). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tsx?|json|sql)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'scrapers', 'data/taxonomy', 'data/scoring']) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  return newest;
}

const compiled = existsSync(BUILT) && process.env.SBB_FROM_SOURCE !== '1' && statSync(BUILT).mtimeMs >= newestSource();
let main;
if (compiled) ({ main } = await import('../dist/cli/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
