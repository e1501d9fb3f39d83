// The progress line: only on a terminal, only after a second, cleared at the end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressLabel, startProgressLine } from './progress-line.js';

const stream = (isTTY: boolean) => {
  const out: string[] = [];
  return { isTTY, out, write: (s: string) => out.push(s) };
};

describe('a progress line', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing for a command that ends within a second', () => {
    const s = stream(true);
    const line = startProgressLine('sbb pack 888: building the pack...', s);
    vi.advanceTimersByTime(900);
    line.stop();
    expect(s.out).toEqual([]);
  });

  it('shows the time so far on a terminal after a second, and clears itself at the end', () => {
    const s = stream(true);
    const line = startProgressLine('sbb pack 888: building the pack...', s);
    vi.advanceTimersByTime(2600);
    expect(s.out[0]).toBe('\r\x1b[2Ksbb pack 888: building the pack... (1 s)');
    expect(s.out.at(-1)).toMatch(/\(2 s\)$/);
    line.stop();
    expect(s.out.at(-1)).toBe('\r\x1b[2K');
    const n = s.out.length;
    vi.advanceTimersByTime(2000);
    expect(s.out).toHaveLength(n);
  });

  it('clears itself before the command prints a result, and draws again below it', () => {
    const s = stream(true);
    const out = stream(true);
    const line = startProgressLine('working...', s, 1000, 250, out);
    vi.advanceTimersByTime(1100);
    out.write('result\n');
    expect(s.out.at(-1)).toBe('\r\x1b[2K');
    expect(out.out).toEqual(['result\n']);
    vi.advanceTimersByTime(300);
    expect(s.out.at(-1)).toMatch(/working\.\.\. \(1 s\)$/);
    line.stop();
  });

  it('never writes into a pipe or a file', () => {
    const s = stream(false);
    const line = startProgressLine('x', s);
    vi.advanceTimersByTime(5000);
    line.stop();
    expect(s.out).toEqual([]);
  });

  it('says what a command is doing, and leaves commands with their own progress alone', () => {
    expect(progressLabel(['pack'], ['E10000017', '--out', 'x.zip'])).toBe('sbb pack E10000017: building the pack (HTML, easy read, annex, PDF)...');
    expect(progressLabel(['db', 'build'], [])).toBe('sbb db build: building the database...');
    expect(progressLabel(['scrape'], [])).toBeUndefined();
    expect(progressLabel(['serve'], [])).toBeUndefined();
  });
});
