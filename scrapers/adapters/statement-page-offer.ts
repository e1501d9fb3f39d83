// The page's one offer when it heads none: named by its most used short-breaks phrase, or the budget its uses are listed for.
import type { OfferDraft } from './offer-builder.js';
import { type Block } from './statement-blocks.js';
import { carriesFacts, draftFrom, uniqueId, type PageScope } from './statement-draft.js';

const PHRASE = /\b((?:targeted|specialist|universal|community|assessed|overnight|holiday|aiming high|core offer)\s+)?short[- ]breaks?\b/gi;
/** The page's own offer when it heads none: named by its most used "<kind> short breaks" phrase, with every fact the page states. */
export function pageOffer(blocks: readonly Block[], page: PageScope, pathKey: string, used: Set<string>, claimed: ReadonlySet<string>): OfferDraft | undefined {
  const sentences = blocks.flatMap((b) => b.sentences);
  // What the page says of who may have its short breaks, not what it says of other routes ("children under 5 ... a social work
  // assessment") nor of a service it names in a sentence ("... all children: these are called Universal Services").
  const withFacts = page.said.filter((s) => carriesFacts(s.text) && !claimed.has(s.text));
  if (!withFacts.length) return undefined;
  const counts = new Map<string, number>();
  for (const s of [...blocks.map((b) => b.heading), ...sentences.map((x) => x.text)])
    for (const m of s.matchAll(PHRASE)) {
      const key = m[0].toLowerCase().replace(/-/g, ' ').replace(/break$/, 'breaks');
      counts.set(key, (counts.get(key) ?? 0) + 1 + (m[1] ? 1 : 0));
    }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return undefined;
  const name = best[0]!.toUpperCase() + best.slice(1);
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

