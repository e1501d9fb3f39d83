#!/usr/bin/env node
// Compiles the CLI once (at `npm ci`, through the prepare script) into dist/cli/: one ES module per entry and
// shared chunks, packages left external, so `sbb` starts without TypeScript's loader and loads only what a
// command needs. bin/sbb.js falls back to the TypeScript sources when dist/ is missing or older than them.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'cli');

const started = Date.now();
await build({
  absWorkingDir: ROOT,
  entryPoints: ['src/cli/main.ts'],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
});
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'BUILT'), `${new Date().toISOString()}\n`);
if (!process.argv.includes('--quiet')) process.stdout.write(`sbb: compiled the CLI into dist/cli in ${Date.now() - started} ms\n`);
