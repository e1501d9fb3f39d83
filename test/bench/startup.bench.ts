// Benchmark: how long `sbb` takes to start and answer, as a user runs it (a new process each time): `sbb --help`
// and `sbb council 888` on a built database, compiled (dist/cli) and from the TypeScript sources (tsx).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { builtDb } from '../support/temp-db.js';

export interface StartupFigures {
  runs: number;
  compiled: boolean;
  help_ms: number;
  council_ms: number;
  help_from_source_ms: number;
  council_from_source_ms: number;
  target_met: boolean;
}

function medianMs(args: string[], env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'sbb.js'), ...args], { env, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`sbb ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

export async function benchStartup(runs = 7): Promise<StartupFigures> {
  const compiled = existsSync(join(PROJECT_ROOT, 'dist', 'cli', 'BUILT'));
  if (!compiled) spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'build.js'), '--quiet'], { stdio: 'inherit' });
  const db = await builtDb();
  try {
    const env = { ...process.env, SBB_DB: db.path };
    const source = { ...env, SBB_FROM_SOURCE: '1' };
    const help_ms = medianMs(['--help'], env, runs);
    const council_ms = medianMs(['council', '888'], env, runs);
    return {
      runs,
      compiled: existsSync(join(PROJECT_ROOT, 'dist', 'cli', 'BUILT')),
      help_ms,
      council_ms,
      help_from_source_ms: medianMs(['--help'], source, 3),
      council_from_source_ms: medianMs(['council', '888'], source, 3),
      target_met: help_ms < 500 && council_ms < 500,
    };
  } finally {
    db.cleanup();
  }
}

// Standalone: node bin/run-ts.js test/bench/startup.bench.ts
if (process.argv[1]?.endsWith('startup.bench.ts')) console.log(await benchStartup());
