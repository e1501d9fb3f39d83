// The README tells the truth: every npm script and sbb command it names exists, and the versions agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli/main.js';
import { APP_VERSION } from '../src/domain/version.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; scripts: Record<string, string>; bin: Record<string, string> };

describe('README', () => {
  it('starts with the two commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toMatch(/npm ci && npm start/);
    expect(firstBlock).toMatch(/npm ci && npm test/);
  });

  it('names only npm scripts that exist, and documents every script', () => {
    const named = new Set([...readme.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1]!));
    for (const s of named) expect(pkg.scripts, `npm run ${s}`).toHaveProperty(s);
    for (const s of Object.keys(pkg.scripts)) if (!['start', 'test'].includes(s)) expect(named, `script ${s} is not in the README`).toContain(s);
  });

  it('names only sbb commands that exist, and documents every command', () => {
    const program = createProgram();
    const commands = new Set<string>();
    const groups = new Set<string>();
    for (const c of program.commands) {
      commands.add(c.name());
      if (c.commands.length) groups.add(c.name());
      for (const sub of c.commands) commands.add(`${c.name()} ${sub.name()}`);
    }
    const named = [...readme.matchAll(/`sbb ([a-z]+(?: [a-z][a-z-]*)?)/g)].map((m) => m[1]!);
    for (const n of named) expect([...commands].some((c) => n === c || n.startsWith(`${c} `)), `sbb ${n}`).toBe(true);
    for (const c of commands) if (!groups.has(c) && c !== 'help') expect(named, `sbb ${c} is not in the README`).toContain(c);
  });

  it('has the same version in package.json and the app', () => {
    expect(APP_VERSION).toBe(pkg.version);
    expect(pkg.bin.sbb).toBe('bin/sbb.js');
  });
});
