// Lists of words read from pages: repeats and blanks dropped, the first spelling kept.

/**
 * The values trimmed, without blanks or repeats, in their first order. With `ignoreCase`, values that differ only in
 * case or spacing count as repeats ("Autism", "autism ").
 */
export function unique(values: Iterable<string | null | undefined>, options: { ignoreCase?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v?.trim();
    if (!t) continue;
    const key = options.ignoreCase ? t.toLowerCase().replace(/\s+/g, ' ') : t;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
