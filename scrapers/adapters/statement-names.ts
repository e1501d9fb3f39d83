// What a statement's headings and names say: whether one heads an offer, names a tier, or says nothing of which offer.
import { parseTier, type AccessTier } from '../../src/text/tiers.js';
import { cleanHeading, type Block } from './statement-blocks.js';

const OFFER_HEADING = /short breaks?|personal (?:support|care|assistan\w*)|play ?schemes?|clubs?|overnight|direct payments?|personal budgets?|grants?|sitting|befriend|buddy|holiday|activit|residential|respite|support at home|home support|care at home|family[- ]based|link carers?|shared care|youth|sport|leisure|universal|targeted|specialist|level \d|tier \d|sblo|break[- ]time|day-time|night-time|provision\b|specialised|early help|aiming high/i;
const NON_OFFER_HEADING = /statement|introduction|^about|contents|how to|appl(?:y|ying|ication)(?!\s+(?:scheme|grant|programme|service))|^accessing\b|complain|contact|feedback|glossary|what (?:is|are)|why|who (?:can|is)|eligib|our (?:vision|commitment|duty)|review|consultation|transport|travel|getting to|carers?[’']? ?s? assessment|further information|useful|advice|definition|the law|legal|summary|overview|\btiers\b|\blevels\b|range of|cost|charges|how (?:many|much)|^(?:how|what|who|when|where|why|which|can|do|does|is|are|will|should)\b|\?\s*$|^(?:find|get|search|book|contact|read|see|watch|download|view|click|more information|find out)\b|\bfor adults\b|\badults? (?:social care|services)\b/i;
/** Words that say nothing of which offer a name means: a heading made only of them is the page's subject, not an offer. */
const GENERIC_WORDS = new Set('available s city county borough activities activity respite care categories category types type options range overview guide current changes change update updates info latest new a an and the of for to in at on with our your their short break breaks service services offer offers children child young people person disabled disability disabilities family families carers carer parents and information local council send additional needs special educational who have has'.split(' '));

/** A heading naming an offer; a bracketed aside ("Specialist Short Breaks (Tiers 3 & 4)") says which tier, not what the section is about. */
export const isOfferHeading = (h: string) => OFFER_HEADING.test(cleanHeading(h)) && !NON_OFFER_HEADING.test(cleanHeading(h).replace(/\([^)]*\)/g, ' ').trim());
export const isGenericName = (name: string, siteWords: ReadonlySet<string> = new Set()) => coreName(name, siteWords) === '';
const nameKey = (name: string) => name.toLowerCase().replace(/\([^)]*\)/g, ' ').split(/[^a-z0-9]+/).filter((w) => w && !GENERIC_WORDS.has(w) && !/^(?:level|tier|\d)$/.test(w)).map((w) => w.replace(/s$/, ''));
/** Whether a list item names a service the page heads a section with: the item's words all in the heading (tier numbers and filler aside). */
export const sameService = (a: string, b: string) => {
  const x = nameKey(a);
  const y = new Set(nameKey(b));
  if (!x.length || !y.size) return false;
  return x.every((w) => y.has(w));
};
/** A name without filler or the council's name: "Changes to Targeted Short Breaks in Southwark" is "targeted". */
export const coreName = (name: string, siteWords: ReadonlySet<string>) =>
  // "... in Kingston and Richmond": where an offer is, not which.
  name.replace(/\s+in\s+(?:[A-Z][\w'’-]*(?:\s+(?:and|&)\s+|\s+|$))+$/, '').split(/[^A-Za-z0-9]+/).filter((w) => w && !GENERIC_WORDS.has(w.toLowerCase()) && !siteWords.has(w.toLowerCase())).join(' ');
// "Enhanced" and "additional" name rungs too ("Universal Services and Enhanced Services"), though no tier of their own.
const TIER_WORD = '(?:(?:non[- ])?assessed|universal|targeted|specialist|specialised|enhanced|additional|level \\d|tier \\d)';
/** "Targeted", "Specialist services", "Targeted and specialist services": a tier's name, nothing more. */
// "Universal needs", "Complex/ specialist needs": a ladder named by the needs each rung meets.
const TIER_SUFFIX = '(?:\\s+(?:short breaks?|services?|support|provision|offer|needs))?';
const TIER_NAME = new RegExp(`^\\W*${TIER_WORD}${TIER_SUFFIX}(?:\\s+(?:and|or|&)\\s+${TIER_WORD}${TIER_SUFFIX})?\\W*$`, 'i');
export const isTierName = (name: string) => TIER_NAME.test(name);

const ALSO_KNOWN_AS = /\b(?:also known as|also called|known as)\s+(universal|targeted|specialist)\s+short breaks?\b/i;

/**
 * A ladder's middle rung named in the page's own words: "Universal support", "Additional support", "Specialist support" as
 * sibling headings make the middle one the targeted tier (the rung between open-to-all and assessed breaks). A section whose
 * first sentence says which tier it is ("... are also known as universal short breaks") is that tier's rung too.
 */
export function ladderRungs(blocks: readonly Block[]): Map<Block, AccessTier> {
  const rungs = new Map<Block, AccessTier>();
  const tierOf = (b: Block | undefined) => (b ? parseTier(cleanHeading(b.heading))?.tier : undefined);
  for (let i = 1; i + 1 < blocks.length; i++) {
    const [before, b, after] = [blocks[i - 1]!, blocks[i]!, blocks[i + 1]!];
    if (before.level !== b.level || after.level !== b.level || tierOf(b)) continue;
    // The rung shares the ladder's last word ("... support", "... short breaks"): a sibling of another kind is no rung.
    const last = (x: Block) => cleanHeading(x.heading).toLowerCase().split(/\s+/).pop();
    if (tierOf(before) === 'universal' && tierOf(after) === 'specialist' && last(b) === last(before) && last(b) === last(after)) rungs.set(b, 'targeted');
  }
  // "Community groups and activities are also known as universal short breaks": a section that says which tier it is.
  for (const b of blocks) {
    const m = b.sentences[0] && !tierOf(b) ? ALSO_KNOWN_AS.exec(b.sentences[0].text) : null;
    if (m) rungs.set(b, m[1]!.toLowerCase() as AccessTier);
  }
  return rungs;
}

