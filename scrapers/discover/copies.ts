// Tells a copy of a page from an original: word shingles of the main text and their overlap (Jaccard).

const WORDS_READ = 1500;
const SHINGLE = 4;

/** Sets of four consecutive words of the text (lower case, letters and digits only), from its first 1,500 words. */
export function shinglesOf(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^a-z0-9£]+/).filter(Boolean).slice(0, WORDS_READ);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Overlap of two shingle sets, 0 to 1. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Pages this similar are copies of one another (a mirror adds its own header and adverts, so not 1). */
export const COPY_THRESHOLD = 0.5;

/** At least this many shingles (about 30 words) before two texts are compared: short pages share boilerplate. */
export const MIN_SHINGLES = 25;
