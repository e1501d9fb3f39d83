// Lists of provision in a statement: which bulleted lists name services, and the name each item gives its service.
import { parseGates } from '../../src/text/gates.js';

/** How the HTML reader marks a list item's line, so the extractor can tell lists from paragraphs (PDF bullets read the same). */
export const ITEM_MARK = '\u2022 ';
const BULLET = /^\s*(?:[•◦▪●▸►‣⁃]\s*|[*-]\s+|[–—]\s+)/;

export interface Line {
  text: string;
  item: boolean;
  page?: number;
}

/** One run of list items with the paragraphs that frame it: those since the last list, and (for a block's last list) those after. */
export interface ListRun {
  items: Line[];
  lead: Line[];
  after: Line[];
  /** Set for a list inside a sentence: whether that sentence says what short breaks include. */
  strong?: boolean;
}

const CONTINUES = /\b(?:and|which|that|this|these|they)\s+(?:may|can|could|will|might)?\s*includes?\s*:?\s*$/i;
/** A block's lines as list runs; paragraphs between two lists lead into the second, paragraphs after the last list follow it. */
/** A short line without end punctuation: an item written as its own paragraph. */
const SHORT_LINE = (t: string) => t.split(/\s+/).length <= 8 && !/[.!?:;,]$/.test(t.trim());

/** "For example:" then one short paragraph per item (pages that write lists without list markup): those paragraphs are items. */
export function unmarkedItems(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const prev = out[out.length - 1];
    const afterLead = prev && ((!prev.item && /:\s*$/.test(prev.text)) || (prev.item && !lines[i - 1]!.item));
    // Two such paragraphs at least, so a lone line after a colon ("Contact us:" then a name) stays a paragraph.
    const next = lines[i + 1];
    // Not in PDFs, whose lines are wrapped text (they carry their page number).
    const run = afterLead && l.page === undefined && !l.item && SHORT_LINE(l.text) && (prev.item || (next !== undefined && !next.item && SHORT_LINE(next.text)));
    out.push(run ? { ...l, item: true } : l);
  }
  return out;
}

export function listRuns(lines: readonly Line[]): ListRun[] {
  const runs: ListRun[] = [];
  let pending: Line[] = [];
  let open: ListRun | undefined;
  for (const l of lines) {
    // "- are a priority for safeguarding reasons and may include" / "- weekend activities ...": an item that ends by
    // introducing more leads the items after it, with the lead of the list it closes.
    if (l.item && open && CONTINUES.test(l.text)) {
      pending = [...open.lead, { ...l, item: false }];
      open = undefined;
      continue;
    }
    if (l.item) {
      if (!open) {
        open = { items: [], lead: pending, after: [] };
        runs.push(open);
        pending = [];
      }
      open.items.push(l);
    } else {
      open = undefined;
      pending.push(l);
    }
  }
  if (runs.length) runs[runs.length - 1]!.after = pending;
  return runs;
}

/** A line's text without its bullet. */
export const lineOf = (raw: string, page?: number): Line => {
  const item = BULLET.test(raw);
  return { text: item ? raw.replace(BULLET, '').trim() : raw.trim(), item, page };
};

// What a list's lead says it lists: provision ("these include:", "you may also apply for:"), or something else
// (who is eligible, what a break does for a family, where it takes place, what a document tells you).
// "Short breaks are:", "Short Breaks can:", "It tells you about:" define or praise short breaks; they list nothing on offer.
const NOT_PROVISION_END = /^(?:(?:a |the )?short[- ]breaks?|they|these|this|it|that)\s+(?:is|are)\s*:?\s*$|\b(?:can|about)\s*:?\s*$/i;
const NOT_PROVISION_LEAD = /\b(?:any one of the following|(?:meets?|has|have|with) (?:at least )?one of the following|who|if (?:they|you|your|the|a)|must|eligib\w*|criteria|need(?:s)? to|you will need|can\s*:?\s*$|can help|helps?|aims?|purpose|benefits?|tells? you|sets? out|explains?|about\s*:?\s*$|spend|used (?:for|to)|take place|taking place|outcomes?(?! of (?:the|an|your|their|a) (?:needs )?assessment)|should|do not|does not|cannot|can ?not|won[’']?t|will not|not (?:be )?(?:eligible|included|funded))\b/i;
const STRONG_NOT_PROVISION = /\b(?:who|if (?:they|you|your|the|a))\s*:?\s*$/i;
const TIER_HEADING = /^\W*(?:(?:non[- ])?assessed|universal|targeted|specialist|specialised|level \d|tier \d)\b/i;
const PROVISION_LEAD = /\b(?:includ\w*|choices?|options?|apply for|offer\w*|available|provid\w*|such as|following|range of|types? of|kinds? of|settings?|services?|activit\w*|clubs?|schemes?|providers?|opportunit\w*|support|breaks?|stay)\b/i;

const SERVICE_NOUN = /\b(?:librar(?:y|ies)|hubs?|parks?|playgrounds?|museums?|galleries|pools?|clubs?|schemes?|playschemes?|groups?|services?|breaks?|payments?|budgets?|grants?|stays?|holidays?|provisions?|care|carers?|sitting|sitters?|support|packages?|units?|homes?|house|lodge|centres?|centers?|projects?|programmes?|assistants?|activities|fostering|families|outreach|befriend\w*|buddy|buddies|day-?care|nursery|nurseries|childminders?|childminding|training|sports?|swimming|youth|play|respite|overnights?|residential|trips?|camps?|sessions)\b/i;
const NOT_A_NAME_START = /^(?:any|other|all|some|many|various|etc|and|or|in(?!-)|at|within|with|from|for|to|by|on|into|your|their|his|her|you|they|we|it|its|if|when|how|what|who|which|why|where|whether|this|that|these|those|allow|allows|give|gives|helps?\s+(?:you|your|them|their|children|families|parents|carers|to)|get|gets|spend|have|has|be|is|are|was|live|lives|receive|receives|attend|attends|need|needs|meet|meets|make|makes|take|takes|enjoy|learn|develop|build|try|do|does|can|may|must|will|should|being|having|not|no|more (?:information|details|about|help|info)|less|time (?:to|for|with|away|off)|being|having|receiving|attending|living|reduce|improve|increase|provide|provides|offer|offers|complete|contact|call|email|visit|read|see|find|ask|tell|talk)\b/i;
const AGE_LEAD = /^(?:(?:for\s+)?(?:children\s+|young people\s+)?aged?s?\s*)?\d{1,2}\s*(?:\+|(?:-|–|—|to)\s*\d{1,2}\+?)?\s*(?:years?(?: old)?\s*)?[:\-–—]?\s*(?=[A-Za-z])/i;
const AGE_TAIL = /[\s,]*\(?\b(?:for\s+)?(?:children\s+(?:and young people\s+)?|young people\s+)?(?:aged?s?|age range)\s*\d{1,2}\s*(?:\+|(?:-|–|—|to)\s*\d{1,2}\+?)?(?:\s*years?(?: old)?)?\)?\s*$/i;

/** The name a list item gives its service, without an age band before or after it or a description after a dash or colon. */
export function itemNames(text: string): string[] {
  // The name is the item's first sentence ("Calleydown residential short breaks home. A residential unit offering ...").
  // "the Play Development Service; and Sampleton Disability Sport.": the last item of a list written as one sentence keeps its "and".
  let t = text.replace(/\s+/g, ' ').trim().replace(/^(?:and|or)\s+(?=\S)/i, '').split(/(?<=[a-z)][.!])\s+(?=[A-Z])/)[0]!.replace(/[.;,]+$/, '');
  // "Community Short Breaks Community Short Breaks provide group activities ...": a label, then a sentence about it led by the same name.
  const repeated = /^([A-Z][^.:;]{3,60}?)\s+\1\s+(?=[a-z])/.exec(t);
  if (repeated) t = repeated[1]!;
  // "Broad Park House is a 4-bed facility, owned and run by ...": the name is the subject.
  const subject = /^((?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})\s+(?:is|are)\s+(?:a|an|the|owned|run|for|based|managed|provided)\b/.exec(t);
  if (subject) t = subject[1]!;
  // A way of giving breaks names what it gives: "giving you direct payments that you can use ..." is "direct payments".
  if (GERUND.test(t)) t = t.replace(GERUND, '').replace(/\s+(?:that|which|so|so that|to|while|when|where)\s.*$/i, '');
  if (/^ages?\b|^\d/i.test(t)) t = t.replace(AGE_LEAD, '');
  t = t.replace(AGE_TAIL, '').replace(/\s+for ages?\s*$/i, '');
  // "... via the local offer- a set amount of funding": a dash against the name's last word still ends the name.
  const dash = /^(.{3,80}?)\s+[-–—:]\s+(.+)$/.exec(t) ?? /^(.{3,80}?):\s+(.+)$/.exec(t) ?? /^(.{3,80}?[a-z])[-–—]\s+(.+)$/.exec(t);
  // "Level 2 - Self-Referral Clubs": a tier label before the dash is part of the name, not the name.
  if (dash && dash[1]!.split(' ').length <= 10 && !/^(?:level|tier|stage|band)\s*\d\w*$/i.test(dash[1]!.trim())) t = dash[1]!;
  // "education or leisure activities including holiday clubs ...": the examples after the name are not the name.
  t = t.replace(/\s+(?:including|such as|e\.g\.|for example|like)\b.*$/i, '').replace(/^(?:a|an)\s+(?=\S)/, '');
  // "Additional support so a child or young person can join in with a club ...": what the service is for is no part of its name.
  t = t.replace(/\s+so(?: that)? (?:a|an|the|your|their|they|you|children|young people|families|parents|carers)\b.*$/i, '');
  // "a personal budget or direct payments to employ a personal assistant ...": what the money buys is no part of its name.
  t = t.replace(/\s+to (?:employ|pay for|buy|fund|purchase)\b.*$/i, '');
  // "Direct payments that families can use ...", "... arranged by the council": who uses or arranges it is no part of its name.
  t = t.replace(/\s+(?:that|which) (?:families|parents|carers|you|they|children|young people) (?:can|may|could|will)\b.*$/i, '').replace(/\s+(?:arranged|provided|run|commissioned) by the council$/i, '');
  // A remark in brackets after the name ("(dependent on assessed need)") is no part of it; a name in brackets ("(Silverwood)") is.
  t = t.replace(/\s*\((?=[a-z])[^)]*\)\s*$/, '').replace(/[.;,:]+$/, '').trim();
  // "Outdoor Activities (Silverwood) or The Ozone (Positive Activities)": two named services, split where a name starts.
  return t.split(/\s+(?:or|and)\s+(?=(?:[Tt]he\s+)?[A-Z][a-z])/).map((s) => s.trim()).filter((s) => s.length >= 3);
}

const capitalisedWords = (s: string) => s.split(/\s+/).slice(1).filter((w) => /^[A-Z][a-z]/.test(w)).length;

/** Whether a list item names a service: short, not a sentence about something else, with a service word or a proper name. */
export function isServiceItem(text: string): boolean {
  const names = itemNames(text);
  const name = names[0];
  // A long item is a service only when a short name leads it ("Sport Works: Sport Works will deliver ...").
  if (!name || name.length > 90 || (text.length > 220 && name.length > 60)) return false;
  if (NOT_A_NAME_START.test(name)) return false;
  if (/[?]$/.test(name)) return false;
  // Training for volunteers or staff is no break for a family.
  if (FOR_WORKERS.test(name) || NOT_A_BREAK.test(name)) return false;
  // A capitalised label before its description ("Endorphins: Endorphins will deliver ...") names its service.
  const labelled = /^[A-Z]/.test(name) && new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:–—-]\\s+\\S`).test(text.trim());
  return SERVICE_NOUN.test(name) || capitalisedWords(name) >= 1 || labelled;
}

/** Whether a run of list items lists provision: a lead (or the heading) that says so, and items most of which name services. */
/** A lead that says what short breaks (or the council's services) include: its items are kinds of break, whatever their words. */
export const STRONG_PROVISION_LEAD = /\b(?:short[- ]breaks?|services|breaks|respite)\b[^.]{0,100}?\b(?:includ(?:e|es|ing)|such as)\b|\b(?:these|they) (?:may |can )?include\b|\bwe (?:offer|provide)\b/i;
const FOR_WORKERS = /\b(?:volunteers?|staff|workforce|practitioners?)\b/i;
/** Times of day or week say when breaks happen, not which. */
const TIME_ONLY = /^(?:days?|daytime|evenings?|overnights?|nights?|weekends?|holidays?|school holidays|after school|term time|week ?days?)$/i;
/** Advice, information and links with other agencies are help a team gives, never a break. */
const NOT_A_BREAK = /^(?:advice|information|signposting|guidance)(?:\s+(?:and|&)\s+(?:advice|information|signposting|guidance))?$|^links? (?:with|to) (?:other )?(?:agencies|services|organisations|professionals)$/i;
export const nameLike = (text: string) => {
  const name = itemNames(text)[0];
  return Boolean(name && name.length <= 120 && !NOT_A_NAME_START.test(name) && !/[?]$/.test(name) && !FOR_WORKERS.test(name) && !TIME_ONLY.test(name) && !NOT_A_BREAK.test(name));
};

export const MEANS_LEAD = /\b(?:short breaks?|breaks|hours|support)\b[^.]{0,80}\bby\s*:\s*$/i;
/** "giving you direct payments that ...", "referring you to Rockbourne Youth Centre": a way of giving breaks, and its object. */
export const GERUND = /^(?:giving|arranging|providing|offering|funding|paying for|referring|signposting|helping)\s+(?:you\s+|your (?:child|family)\s+|families\s+)?(?:to\s+|with\s+|for\s+)?/i;

/** "Barnardo's - Is for approved foster carers ...", "Community Short Breaks Community Short Breaks provide ...": a name labels the item. */
const LABELLED_ITEM = /^(?:([A-Z][^.:;]{3,60}?)\s+\1\s+(?=[a-z])|[A-Z][\w'’&]*(?:\s+[A-Z\d][\w'’&]*){0,5}\s*[:–—-]\s+\S)/;

/** "DLA at the higher rate" is a condition; "specialist short breaks: these require a social care assessment" is a service with its gate. */
const isCondition = (text: string) => {
  const label = /^([^:–—]{3,60}?)\s*[:–—]\s+\S/.exec(text.trim());
  return parseGates(label && SERVICE_NOUN.test(label[1]!) ? label[1]! : text).length > 0;
};
const ELIGIBILITY_HEADING = /\beligib\w*|\bcriteria\b|\bwho (?:can|could|is|are|may|might)\b/i;
/** "For example:", "Such as:": a lead that only points on; what it points on from is the sentence before it. */
const POINTER_LEAD = /^(?:for example|for instance|e\.g\.?|examples?|such as|like|including)\s*:?\s*$/i;

export function isServiceList(run: ListRun, heading: string): boolean {
  // The sentence that introduces the list is the last of its lead ("These include:"); one ending in a full stop frames the section instead.
  const leadSentences = run.lead.flatMap((l) => l.text.split(/(?<=[.!?])\s+(?=[A-Z])/));
  const pointer = POINTER_LEAD.test(leadSentences[leadSentences.length - 1] ?? '');
  // "They ... take place in various locations. For example:": the list gives examples of what the sentence before says.
  const lead = pointer ? leadSentences.slice(-2).join(' ').replace(/[.!?]\s+/, ', ') : leadSentences[leadSentences.length - 1] ?? '';
  // "... in the following three categories;": a semicolon introduces a list as a colon does.
  const introduces = /[:;]\s*$/.test(lead);
  // Under "Eligibility – who could access the Targeted Short Breaks Service?" a list is who may use it, unless its lead says
  // what short breaks include.
  if (ELIGIBILITY_HEADING.test(heading) && !STRONG_PROVISION_LEAD.test(lead)) return false;
  // A list of one is a service only when its lead introduces provision and a name labels the item.
  if (run.items.length < 2)
    return run.items.length === 1 && introduces && PROVISION_LEAD.test(lead) && !NOT_PROVISION_LEAD.test(lead) && !NOT_PROVISION_END.test(lead) && LABELLED_ITEM.test(run.items[0]!.text.trim()) && isServiceItem(run.items[0]!.text);
  // "If you are eligible, we can help you get 100 hours of short breaks every year by:" lists the ways breaks are given.
  if (introduces && MEANS_LEAD.test(lead) && run.items.filter((i) => GERUND.test(i.text)).length / run.items.length >= 0.6) return true;
  if (introduces ? NOT_PROVISION_LEAD.test(lead) || NOT_PROVISION_END.test(lead) : STRONG_NOT_PROVISION.test(lead)) return false;
  if (!(introduces && PROVISION_LEAD.test(lead)) && !PROVISION_LEAD.test(heading) && !TIER_HEADING.test(heading)) return false;
  const strong = introduces && STRONG_PROVISION_LEAD.test(lead);
  // An item of fewer than three letters ("Ne", where a copy of the page was cut) says nothing either way.
  const items = run.items.filter((i) => /[a-z].*[a-z].*[a-z]/i.test(i.text));
  const named = items.filter((i) => (strong ? nameLike(i.text) : isServiceItem(i.text))).length;
  // Items that are mostly conditions (a benefit, a plan, where the child lives) make an eligibility list, whatever its lead.
  const conditions = run.items.filter((i) => isCondition(i.text)).length;
  return items.length > 0 && named / items.length >= 0.6 && conditions / run.items.length < 0.5;
}

const INLINE_LEAD = /\b(?:(?:may |can |will |also )?includ(?:e|es|ing)|such as|for example|examples?(?=\s*:)|e\.g\.|these are|there (?:is|are))\s*[:,]?\s+(.+)$/i;

/** Whether the sentence of a text that lists services inline says what short breaks include. */
export const inlineStrong = (text: string) => STRONG_PROVISION_LEAD.test(text.split(/(?<=[.!?])\s+(?=[A-Z])/).find((x) => INLINE_LEAD.test(x)) ?? '');

/** Services listed inside a sentence ("They may include Larchwood short break unit, short break foster carers and personal budgets."). */
/** "support to help access mainstream services such as youth groups, scouts ...": the places a child is helped into, not what is given. */
const HELPED_INTO = /\b(?:access|join|attend|take part in|use|get into)\b[^.]{0,40}?\b(?:mainstream|universal|community|local)\b[^.]{0,30}?\bsuch as\b/i;

/** A list written in a sentence, split into its pieces, and into parts where a piece led by "at" or "during" joins the one before. */
function splitInline(text: string): { pieces: string[]; parts: string[] } {
  const list = text.replace(/[.;]\s*$/, '');
  // "X, Y, home care and agency support and community childminders": the last "and" ends the list.
  const pieces = list.split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=(?:(?!\s(?:and|or)\s)[^,])*$)/).map((p) => p.trim()).filter(Boolean);
  // "... carers in the evenings, at weekends and during the school holidays": a piece led by "at" or "during" belongs to the one before.
  const parts: string[] = [];
  for (const p of pieces) {
    if (parts.length && /^(?:at|in|on|during|over|throughout)\b/i.test(p)) parts[parts.length - 1] += `, ${p}`;
    else parts.push(p);
  }
  return { pieces, parts };
}

/**
 * "Specialist support: this can be access to a direct payment, personal budget and direct support contact with a care provider",
 * "Short breaks, such as family-based shared care, residential overnights, outreach": the services a tier or generic item names.
 */
export function tierItemServices(item: string): string[] | undefined {
  const first = item.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? '';
  const m = /(?:^|[:–—-]|,)\s*[^.]*?\b(?:access to|such as|like|including|includes?|include|for example)\s*:?\s+(.+)$/i.exec(first);
  if (!m) return undefined;
  const { pieces, parts } = splitInline(m[1]!);
  if (parts.length < 2 || pieces.some((p) => p.split(' ').length > 8)) return undefined;
  const names = parts.map((p) => p.replace(/^(?:a|an|the)\s+/i, ''));
  return names.filter((n) => isServiceItem(n)).length / names.length >= 0.6 ? names : undefined;
}

export function inlineItems(sentence: string): string[] | undefined {
  const own = sentence.split(/(?<=[.!?])\s+(?=[A-Z])/).find((x) => INLINE_LEAD.test(x)) ?? '';
  if (HELPED_INTO.test(own)) return undefined;
  const m = INLINE_LEAD.exec(own);
  if (!m) return undefined;
  const { pieces, parts } = splitInline(m[1]!);
  const strong = STRONG_PROVISION_LEAD.test(own);
  // Kinds of break may take a dozen words ("care in the homes of children with disabilities or elsewhere"); other lists, eight.
  if (parts.length < 3 || pieces.some((p) => p.split(' ').length > (strong ? 12 : 8))) return undefined;
  return parts.filter((p) => (strong ? nameLike(p) : isServiceItem(p))).length / parts.length >= 0.75 ? parts : undefined;
}

// A service named inside a sentence: "Social Life Opportunities (SoLO) provide ...", "breaks are taken at Lyndon House".
const NAME = String.raw`(?:[A-Z][\w’'&-]+\s+){0,4}[A-Z][\w’'&-]+`;
const PROVIDER_SUBJECT = new RegExp(String.raw`^(?:The\s+)?(${NAME})(?:\s+\([A-Z][A-Za-z]{1,8}\))?\s+(?:provides?|offers?|runs?|delivers?)\s+(?:a\s+range\s+of\s+|a\s+|an\s+)?[^.]*\b(?:short breaks?|clubs?|activities|sessions|breaks|overnight|play ?schemes?)\b`);
const PLACE_OF_STAY = new RegExp(String.raw`\b(?:overnight|short breaks?|breaks|stays?|respite)\b[^.]{0,60}?\b(?:at|in)\s+((?:[A-Z][\w’'-]+\s+){0,3}(?:House|Lodge|Centre|Court|Farm|Cottage|Grange|Hall|Manor|View|Close|Drive))\b`);
const CALLED = new RegExp(String.raw`(?:\b(?:an? (?:offer|service|scheme|programme)|short breaks?|support and services)\b[^.]{0,80}?|[:;,]\s*(?:these|this|they) (?:are|is) )\b(?:called|known as)\s+(?:the\s+)?["“‘']?(${NAME})`);
const PROVIDER = String.raw`(?:[A-Z][\w’'&-]+\s+){1,4}[A-Z][\w’'&-]+(?:\s+\([A-Z]{2,8}\))?`;
const COMMISSIONED = new RegExp(String.raw`\b(?:commissioned|commissions|funds?|funded|contracted)\s+(${PROVIDER}(?:\s*,\s*${PROVIDER})*(?:\s+and\s+${PROVIDER})?)\s+to\s+(?:run|deliver|provide|offer)\b`);
const FUND = String.raw`(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,4}(?:Grant|Award|Fund|Scheme|Programme|Allowance)s?\b`;
const FUNDED_THROUGH = new RegExp(String.raw`\b(?:provided|available|offered|funded|accessed|delivered)\b[^.]{0,60}?\b(?:through|via|by)\s+(${FUND}(?:\s*(?:,|and|or)\s*${FUND})*)`);
const FUND_NAME = new RegExp(String.raw`(?:the\s+)?((?:[A-Z][\w’'-]+\s+){1,4}(?:Grant|Award|Fund|Scheme|Programme|Allowance)s?)\b`, 'g');
const TIER_SUBJECT = /^((?:Universal|Targeted|Specialist|Specialised)\s+(?:short breaks?|services|provision|support))(?:\s*\([^)]*\))?\s*,?\s+(?:are|is)\s+(?:provided|available|offered|designed|delivered|for)\b/;
const INSTITUTION = /\b(?:Council|Commission|Department|Government|NHS|Ofsted|Local Offer|Directory|Statement|Team|Hub|Careline|Authority|Trust|Board|Partnership|Service Directory|Children'?s Services|Social Care|Act)\b/;

export interface NamedService {
  name: string;
  /** 'provider': the subject that provides short breaks; 'place': where an overnight stay happens; 'tier': a tier a sentence describes. */
  kind: 'provider' | 'place' | 'tier';
}

/** The services a sentence names as providing short breaks or as the place of an overnight stay. */
export function namedInSentence(sentence: string): NamedService[] {
  const names: NamedService[] = [];
  // "Targeted short breaks are provided through the Community Access Grant and the Main Access Grant": the funds are the offers.
  const through = FUNDED_THROUGH.exec(sentence);
  const funds = through && /\b(?:short breaks?|targeted|specialist)\b/i.test(sentence.slice(0, through.index)) ? through[1] : undefined;
  if (funds) return [...funds.matchAll(FUND_NAME)].map((m) => ({ name: m[1]!, kind: 'provider' as const }));
  // "The council have commissioned Merseyside Youth Association (MYA) and Endorphins Group to run Short Breaks groups".
  const commissioned = COMMISSIONED.exec(sentence)?.[1];
  if (commissioned) {
    const providers = commissioned.split(/\s*,\s*|\s+and\s+(?=[A-Z])/).map((n) => n.replace(/\s*\([A-Z]{2,8}\)$/, '').trim()).filter((n) => n.split(/\s+/).length >= 2 && !INSTITUTION.test(n));
    if (providers.length) return providers.map((name) => ({ name, kind: 'provider' as const }));
  }
  // "Specialist short breaks (often referred to as ...) are provided for families where ...": a tier described in a sentence.
  const tier = TIER_SUBJECT.exec(sentence)?.[1];
  if (tier) return [{ name: tier, kind: 'tier' }];
  const subject = PROVIDER_SUBJECT.exec(sentence)?.[1];
  if (subject && subject.split(/\s+/).length >= 2 && !INSTITUTION.test(subject)) names.push({ name: subject, kind: 'provider' });
  // "We have an offer that is available to any disabled child, called Universal Offer": the offer's own name.
  const called = CALLED.exec(sentence)?.[1];
  if (called && called.split(/\s+/).length >= 2 && !INSTITUTION.test(called) && !names.some((n) => n.name === called)) names.push({ name: called, kind: 'provider' });
  const place = PLACE_OF_STAY.exec(sentence)?.[1];
  if (place && !INSTITUTION.test(place) && !names.some((n) => n.name === place)) names.push({ name: place, kind: 'place' });
  return names;
}

const PROPER_NAME = /^(?:The\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|and|for|&))*$/;
/** A list whose items are mostly proper names ("Broad Park House", "The Birches"): named services, even inside a named offer's section. */
export function isNamedServiceList(run: ListRun): boolean {
  if (run.items.length < 2) return false;
  const named = run.items.filter((i) => {
    const name = itemNames(i.text)[0] ?? '';
    return PROPER_NAME.test(name) && (name.split(/\s+/).length >= 2 || /^The\s/.test(name));
  }).length;
  return named / run.items.length >= 0.6;
}
