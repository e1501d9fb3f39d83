// Test helpers: run `sbb` as a real process from the sources (SBB_FROM_SOURCE=1), wait for what it prints or for a
// file it makes, and stop it (SIGTERM or kill -9).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/paths.js';

export interface SbbProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the match once the output (stdout and stderr) matches; rejects if the process exits first. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnSbb(args: string[], env: Record<string, string> = {}): SbbProcess {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/sbb.js'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SBB_FROM_SOURCE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    seen += chunk.toString();
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, output: seen })),
  );
  return {
    child,
    output: () => seen,
    exited,
    waitFor(pattern, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const done = () => {
          const m = pattern.exec(seen);
          if (!m) return;
          cleanup();
          resolve(m);
        };
        const timer = setTimeout(() => (cleanup(), reject(new Error(`no output matching ${pattern} within ${ms} ms:\n${seen}`))), ms);
        const onExit = () => setImmediate(() => (cleanup(), pattern.exec(seen) ? resolve(pattern.exec(seen)!) : reject(new Error(`exited before ${pattern}:\n${seen}`))));
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(done);
          child.off('exit', onExit);
        };
        waiters.add(done);
        child.once('exit', onExit);
        done();
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs `sbb ARGS` to the end. */
export async function runSbb(args: string[], env: Record<string, string> = {}) {
  return spawnSbb(args, env).exited;
}

/** Waits until a file exists (a lock, a build's temporary file). */
export async function waitForFile(path: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
