// The page's one offer when it heads none: named by its title, the council's name for it or its most used short-breaks phrase; or the budget its uses are listed for.
import { parseCharges } from '../../src/text/charges.js';
import type { OfferDraft } from './offer-builder.js';
import { cleanHeading, type Block } from './statement-blocks.js';
import { carriesFacts, draftFrom, uniqueId, type PageScope } from './statement-draft.js';
import { coreName, isOfferHeading, isTierName } from './statement-names.js';

const PHRASE = /\b((?:targeted|specialist|universal|community|assessed|overnight|holiday|aiming high|core offer)\s+)?short[- ]breaks?\b/gi;
/** The page's own offer when it heads none: named by its most used "<kind> short breaks" phrase, with every fact the page states. */
/** The page's title when it names one offer ("Break Time short break activities"), not the subject ("Short breaks for disabled children") or a tier. */
function titleName(blocks: readonly Block[], siteWords: ReadonlySet<string>): string | undefined {
  const title = blocks[0] ? cleanHeading(blocks[0].heading) : '';
  if (!/short[- ]breaks?/i.test(title) || !isOfferHeading(title) || /\?\s*$/.test(title)) return undefined;
  const core = coreName(title, siteWords);
  return core && !isTierName(core) ? title : undefined;
}

/** "Essex Short Breaks give ...": the short breaks named with the council's own name, when the page names them so more than once. */
function councilNamed(blocks: readonly Block[], siteWords: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const s of [...blocks.map((b) => b.heading), ...blocks.flatMap((b) => b.sentences.map((x) => x.text))])
    for (const m of s.matchAll(/\b([A-Z][\w'’-]+)\s+(?:SEND\s+)?[Ss]hort[- ][Bb]reaks?\b/g))
      if (siteWords.has(m[1]!.toLowerCase())) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? `${best[0]} Short Breaks` : undefined;
}

export function pageOffer(blocks: readonly Block[], page: PageScope, pathKey: string, used: Set<string>, claimed: ReadonlySet<string>, siteWords: ReadonlySet<string> = new Set()): OfferDraft | undefined {
  const sentences = blocks.flatMap((b) => b.sentences);
  // What the page says of who may have its short breaks, not what it says of other routes ("children under 5 ... a social work
  // assessment") nor of a service it names in a sentence ("... all children: these are called Universal Services").
  // What families pay, wherever the page says it ("a minimum contribution from parents ... of £2 per hour"), is the offer's charge.
  const paid = sentences.filter((s) => parseCharges(s.text).length && !claimed.has(s.text) && !page.said.includes(s));
  const withFacts = [...page.said.filter((s) => carriesFacts(s.text) && !claimed.has(s.text)), ...paid];
  if (!withFacts.length) return undefined;
  const counts = new Map<string, number>();
  for (const s of [...blocks.map((b) => b.heading), ...sentences.map((x) => x.text)])
    for (const m of s.matchAll(PHRASE)) {
      const key = m[0].toLowerCase().replace(/-/g, ' ').replace(/break$/, 'breaks');
      counts.set(key, (counts.get(key) ?? 0) + 1 + (m[1] ? 1 : 0));
    }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return undefined;
  const name = titleName(blocks, siteWords) ?? councilNamed(blocks, siteWords) ?? best[0]!.toUpperCase() + best.slice(1);
  return draftFrom(name, withFacts, { gates: [] }, { ...page, gates: [] }, uniqueId(pathKey, name, used));
}

const BUDGET_USES = /\b((?:allocated|personal|individual|short breaks?)\s+budget)\b[^.]*\bused for\s*:?\s*$/i;
/** "Short breaks could, depending on the child's allocated budget, be used for:": on a page that heads no offer, the budget is its offer. */
export function budgetOffer(blocks: readonly Block[], page: PageScope, pathKey: string, used: Set<string>): OfferDraft | undefined {
  for (const b of blocks)
    for (const s of b.sentences) {
      const m = BUDGET_USES.exec(s.text);
      if (!m) continue;
      const name = m[1]![0]!.toUpperCase() + m[1]!.slice(1).toLowerCase();
      return draftFrom(name, [s], { gates: [] }, page, uniqueId(pathKey, name, used));
    }
  return undefined;
}

