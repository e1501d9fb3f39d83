// Small helpers for CLI output: aligned text tables, JSON, and files written to an --out path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function printTable(items: readonly object[], columns: readonly string[], out = process.stdout): void {
  const rows = items as ReadonlyArray<Record<string, unknown>>;
  const text = (v: unknown) => (v === null || v === undefined ? '-' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i]!)).join('  ').trimEnd();
  out.write(line([...columns]) + '\n');
  out.write(line(widths.map((w) => '-'.repeat(w))) + '\n');
  for (const r of rows) out.write(line(columns.map((c) => text(r[c]))) + '\n');
}

export const printJson = (value: unknown, out = process.stdout) => out.write(JSON.stringify(value, null, 2) + '\n');

/** Writes a file for an --out path, creating its missing folders first (every command's --out does this). */
export function writeOutFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
