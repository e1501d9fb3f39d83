// Small helpers for CLI output: aligned text tables and JSON.

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
