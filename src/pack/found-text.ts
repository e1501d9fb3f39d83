// What was found of the council's own offer, in words: a block for the pack's cover and short sentences for the
// easy read's first page; nothing or little is said plainly, with the advice to check, before any idea.
import { date, esc } from './html.js';
import type { LocalFound } from './local-found.js';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "read on 22 November 2026" or "read between 22 November 2026 and 4 December 2026". */
function readWhen(f: LocalFound): string {
  if (!f.read) return 'no source of its own was read';
  return f.read.first === f.read.last ? `read on ${date(f.read.first)}` : `read between ${date(f.read.first)} and ${date(f.read.last)}`;
}

/** The plain warning for nothing or little; null when enough was found. */
export function foundWarning(f: LocalFound, council: string): string | null {
  const check = `Every option in this pack comes from what other councils publish: check what ${council} already provides before reading any of them as a change.`;
  if (f.level === 'none') return `No short break offers published by ${council} were found. ${check}`;
  if (f.level === 'little')
    return `Only ${plural(f.offers, 'short break offer', 'short break offers')} published by ${council} ${f.offers === 1 ? 'was' : 'were'} found${f.peer_median_offers !== null ? ` (its comparators: a median of ${f.peer_median_offers})` : ''}. ${check}`;
  return null;
}

/** The cover's account of the council's own offer, with each source, its dates and its number in the pack. */
export function foundCover(f: LocalFound, council: string, ref: (url: string) => string): string {
  const warning = foundWarning(f, council);
  const counts = `${plural(f.offers, 'short break offer', 'short break offers')} and ${plural(f.facts, 'other fact', 'other facts')} about its offer`;
  const summary = f.sources.length
    ? `Found in the data: ${counts}, from ${plural(f.sources.length, 'source', 'sources')} ${readWhen(f)}${f.published_latest ? `; the newest publication date they state is ${date(f.published_latest)}` : '; none states when it was published'}.`
    : `Found in the data: ${counts}. No source of ${council}'s own was read.`;
  const list = f.sources.map((s) => `<li>${esc(s.title)} ${ref(s.url)}: published ${esc(date(s.published))}; read ${esc(date(s.retrieved))}</li>`);
  return `<section class="found" aria-labelledby="found">
<h2 id="found">What was found of ${esc(council)}'s own offer</h2>
${warning ? `<p class="warn"><strong>${esc(warning)}</strong></p>` : ''}
<p>${esc(summary)}</p>
${list.length ? `<ul class="small">${list.join('\n')}</ul>` : ''}
</section>`;
}

/** The easy read's first words about the council's own offer: short sentences, nothing or little said first. */
export function foundEasy(f: LocalFound, council: string): string[] {
  const out: string[] = [];
  if (f.level === 'none') out.push(`We found no short breaks published by ${council}.`);
  else if (f.level === 'little') out.push(`We found only ${plural(f.offers, 'short break', 'short breaks')} published by ${council}.`);
  else out.push(`We found ${plural(f.offers, 'short break', 'short breaks')} published by ${council}.`);
  if (f.read) out.push(`We read ${plural(f.sources.length, 'web page or document', 'web pages or documents')} about ${council}, up to ${date(f.read.last)}.`);
  out.push('The ideas below come from other councils.');
  if (f.level !== 'some') out.push(`${council} may already do some of them.`, `Please check what ${council} already provides.`);
  return out;
}
