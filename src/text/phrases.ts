// Pure parsers for the phrases short breaks statements use: ages, allowances, charges, free, gates and access tiers.
import type { Allowance, Charge } from '../domain/offer.js';

export interface AgeRange {
  min?: number;
  max?: number;
  /** The words the ages were read from. */
  note: string;
}
export interface GateMatch {
  code: string;
  cue: string;
}
export type AccessTier = 'universal' | 'targeted' | 'specialist';
export interface TierMatch {
  tier: AccessTier;
  /** The council's own tier name, when a council vocabulary matched (e.g. "Break-time", "SBLO Plus"). */
  label?: string;
  cue: string;
}
export interface RateMatch {
  amount_gbp: number;
  per: 'hour';
  cue: string;
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORD: Record<string, number> = { fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-fifth': 25 };
const NUMBER_WORD = new RegExp(`\\b(?:(${TENS.slice(2).join('|')})(?:[- ](${SMALL.slice(1, 10).join('|')}))?|(${SMALL.join('|')}))(?: (hundred))?\\b(?!-off| off)`, 'gi');
const ORDINAL_WORD = new RegExp(`\\b(${Object.keys(ORD).join('|')})\\b`, 'gi');

/** Text with number words as digits ("five" -> 5, "forty-five" -> 45, "nineteenth" -> 19th), dashes as '-' and plain spaces. */
export function normaliseNumbers(text: string): string {
  return text
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(ORDINAL_WORD, (w) => `${ORD[w.toLowerCase()]}th`)
    .replace(NUMBER_WORD, (_m, tens: string | undefined, unit: string | undefined, small: string | undefined, hundred: string | undefined) => {
      const n = tens ? TENS.indexOf(tens.toLowerCase()) * 10 + (unit ? SMALL.indexOf(unit.toLowerCase()) : 0) : SMALL.indexOf(small!.toLowerCase());
      return String(hundred ? n * 100 : n);
    });
}

const num = (s: string) => Number(s.replace(/[£,\s]/g, ''));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---- ages ----

const AGE_CUE_BEFORE = /(?:\baged?|\bages|\bage range(?: of)?|\bbetween(?: the ages of)?|\bfrom(?: age)?|\bchildren|\bpeople)\s*(?:of\s*)?$/i;
const AGE_CUE_AFTER = /^\s*(?:years?\b|yrs\b|year[- ]olds?\b|-year-olds?\b)/i;
const NOT_AGE_AFTER = /^\s*(?:hours?|hrs?|h\b|am\b|pm\b|%|:|\.\d|,\d{3}|nights?|days?|weeks?|sessions?|minutes?)/i;

/** The ages an offer is for: ranges, "under 18", birthdays, reception, academic-year phrasing; undefined when none is stated. */
export function parseAges(text: string): AgeRange | undefined {
  const t = normaliseNumbers(text);
  const who = '(?:they|the child|your child|child|a child|he or she|the young person)';
  const ay = new RegExp(`start of (?:the |an )?academic year (?:in which )?${who} (?:turns?|becomes?|reach(?:es)?) (\\d{1,2})\\b[\\s\\S]{0,100}?end of (?:the |an )?academic year (?:in which )?${who} (?:turns?|becomes?|reach(?:es)?) (\\d{1,2})\\b`, 'i').exec(t);
  if (ay) return { min: num(ay[1]!) - 1, max: num(ay[2]!), note: squash(ay[0]) };

  if (/^\s*\d{1,2}\s*(?:-|to)\s*\d{1,2}\s*(?:years?)?\s*$/i.test(t)) {
    const [a, b] = t.match(/\d{1,2}/g)!.map(Number);
    if (a! <= b! && b! <= 25) return { min: a, max: b, note: squash(t) };
  }
  for (const m of t.matchAll(/\b(\d{1,2})\s*(?:-|to|and)\s*(\d{1,2})\b/gi)) {
    const before = t.slice(Math.max(0, m.index - 30), m.index);
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const a = num(m[1]!), b = num(m[2]!);
    if (a > b || b > 25 || /£\s*$/.test(before) || NOT_AGE_AFTER.test(after)) continue;
    if (/\band\b/i.test(m[0]) && !/between(?: the ages of)?\s*$/i.test(before)) continue;
    if (AGE_CUE_BEFORE.test(before) || AGE_CUE_AFTER.test(after)) {
      const cue = /(?:aged?|ages|between(?: the ages of)?)\s*$/i.exec(before)?.[0] ?? '';
      return { min: a, max: b, note: squash(cue + m[0] + (AGE_CUE_AFTER.exec(after)?.[0] ?? '')) };
    }
  }

  const out: { min?: number; max?: number } = {};
  const notes: string[] = [];
  /** The first pattern that matches sets the bound. */
  const first = (patterns: Array<[RegExp, (m: RegExpExecArray) => number]>, key: 'min' | 'max') => {
    for (const [re, value] of patterns) {
      const m = re.exec(t);
      if (!m) continue;
      out[key] = value(m);
      notes.push(squash(m[0]));
      return;
    }
  };
  first([
    [/\b(?:from|in|starting in|starting at|start(?:ing)? school in) reception\b|\breception(?: class| year)? (?:up )?(?:to|until)\b/i, () => 4],
    [/\b(?:from(?: the)? age(?: of)?|aged|over(?: the age of)?) (\d{1,2})(?:\+| and over| and older| or over| or older|s)?(?!\s*(?:-|to)\s*\d)(?!\d|[.,]\d|\s*(?:hours?|h\b|%))/i, (m) => num(m[1]!)],
  ], 'min');
  first([
    [/\b(?:up to|until|to|before|till)(?: (?:their|the|your child'?s|a child'?s|his or her))? (\d{1,2})(?:st|nd|rd|th) birthday/i, (m) => num(m[1]!) - 1],
    [/(?:\bunder(?: the age of| age)?[- ]|<\s?)(\d{1,2})s?\b(?!\s*(?:hours?|h\b|%|,\d))/i, (m) => num(m[1]!) - 1],
    [/\bup to (?:the )?age(?: of)? (\d{1,2})\b/i, (m) => num(m[1]!)],
  ], 'max');
  if (out.min === undefined && out.max === undefined) return undefined;
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) return undefined;
  return { ...out, note: notes.join('; ') };
}

// ---- allowances ----

const Q = '(£\\s?\\d[\\d,]*(?:\\.\\d{1,2})?|\\d+(?:\\.\\d+)?)';
const U = '(?:(hours?|hrs?|h|nights?|sessions?|days?)\\b)';
const UNIT_OF: Record<string, Allowance['unit']> = { h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours', night: 'nights', nights: 'nights', session: 'sessions', sessions: 'sessions', day: 'days', days: 'days' };
const RATE_AFTER = /^\s*(?:per|an?|each|\/)\s*(?:hour|hr|h|session|day|activity|night|visit)\b/i;
const ALLOWANCE_PATTERNS: Array<{ re: RegExp; kind: 'range' | 'max' | 'min' }> = [
  { re: new RegExp(`\\b(?:a )?min(?:imum)?\\.?(?: of)? ${Q}\\s*${U}?[\\s\\S]{0,25}?\\bmax(?:imum)?\\.?(?: of)? ${Q}\\s*${U}?`, 'gi'), kind: 'range' },
  { re: new RegExp(`\\bbetween ${Q}\\s*${U}? and ${Q}\\s*${U}?`, 'gi'), kind: 'range' },
  { re: new RegExp(`${Q}\\s*${U}?\\s*(?:-|to)\\s*${Q}\\s*${U}`, 'gi'), kind: 'range' },
  { re: new RegExp(`\\b(?:up to|maximum of|max(?:imum)?\\.?|no more than|at most|capped at|limit of|limited to)\\s+(?:a maximum of\\s+)?${Q}\\s*${U}?`, 'gi'), kind: 'max' },
  { re: new RegExp(`\\b(?:at least|minimum of|min\\.?)\\s+${Q}\\s*${U}?`, 'gi'), kind: 'min' },
  { re: new RegExp(`\\b(?:get|have|receive|allocated|allocation of|entitled to|award(?:ed)?(?: of)?|grant of|budget of|allowance of)\\s+${Q}\\s*${U}?`, 'gi'), kind: 'max' },
  // A stated amount with no cue word but its period: "matched with a buddy for 2 hours a week".
  { re: new RegExp(`\\bfor ${Q}\\s*${U}`, 'gi'), kind: 'max' },
];
/** A limit per visit or per day ("up to four hours at a time", "five hours a day") is not an allowance. */
const PER_VISIT_AFTER = /^\s*(?:of\s+[a-z' -]{1,30}?\s+)?(?:at a time|at any one time|each time|(?:per|a|each|every)\s+(?:visit|session|day|night|evening))\b/i;
const CAPPED_CHARGE_BEFORE = /\b(?:fees?|charges?|costs?|prices?|activit(?:y|ies)|sessions?)\b[^.;£]{0,20}$/i;
/** No period, but a total: "up to 100 hours support before a social work assessment", "40 hours in total". */
const TOTAL_AFTER = /^\s*(?:of\s+)?(?:[a-z'-]+\s+){0,4}?(?:before\s+(?:a|an|any|the|their|your)\b|in total\b|altogether\b)/i;

function periodNear(t: string, start: number, end: number, gbp: boolean): Allowance['per'] | undefined {
  // The period belongs to this quantity only up to the next number ("up to 3 hours at a time, and no more than 12 hours a month").
  const after = t.slice(end, end + 60).split(/[.;!?](?:\s|$)/)[0]!.split(/(?=£?\d)/)[0]!;
  if (!gbp && PER_VISIT_AFTER.test(after)) return undefined;
  const before = t.slice(Math.max(0, start - 40), start);
  const m = /\b(?:a|per|each|every|in a|in each)\s+(?:financial |academic |calendar )?(year|annum|week|month)\b|\b(annual(?:ly)?|yearly|weekly|monthly)\b/i.exec(after);
  const word = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
  if (/^(year|annum|annual|annually|yearly)$/.test(word)) return 'year';
  if (/^(week|weekly)$/.test(word)) return 'week';
  if (/^(month|monthly)$/.test(word)) return 'month';
  if (/\b(annual(?:ly)?|yearly|each year|every year|a year)\b/i.test(before)) return 'year';
  return gbp || TOTAL_AFTER.test(after) ? 'one_off' : undefined;
}

/** Quantities of short breaks a family may have: hours, nights, sessions, days or £, per year/month/week or one-off. */
export function parseAllowances(text: string): Allowance[] {
  const t = normaliseNumbers(text);
  const taken: Array<[number, number]> = [];
  const found: Array<{ at: number; a: Allowance }> = [];
  for (const { re, kind } of ALLOWANCE_PATTERNS) {
    for (const m of t.matchAll(re)) {
      const start = m.index, end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const parts = m.slice(1);
      const qs = parts.filter((_, i) => i % 2 === 0);
      const unitWord = parts.filter((_, i) => i % 2 === 1).find(Boolean)?.toLowerCase();
      const gbp = qs.some((q) => q?.startsWith('£'));
      const unit: Allowance['unit'] | undefined = gbp ? 'gbp' : unitWord ? UNIT_OF[unitWord] : undefined;
      if (!unit || (gbp && RATE_AFTER.test(t.slice(end)))) continue;
      // "activities capped at £15" caps a parental charge; it is not money given to the family.
      if (gbp && /^(?:capped|limited)\b/i.test(m[0]) && CAPPED_CHARGE_BEFORE.test(t.slice(Math.max(0, start - 40), start))) continue;
      const per = periodNear(t, start, end, gbp);
      if (!per) continue;
      const [a, b] = qs.map((q) => num(q!));
      const allowance: Allowance = kind === 'range' ? { min: a!, max: b!, unit, per } : kind === 'min' ? { min: a!, unit, per } : { max: a!, unit, per };
      if (allowance.min !== undefined && allowance.max !== undefined && allowance.min > allowance.max) continue;
      taken.push([start, end]);
      found.push({ at: start, a: { ...allowance, note: squash(m[0]) } });
    }
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.a);
}

// ---- charges ----

const CHARGE_UNIT: Record<string, [Charge['per'], string?]> = {
  hour: ['hour'], hr: ['hour'], h: ['hour'], session: ['session'], day: ['day'], week: ['week'], month: ['month'], year: ['year'],
  activity: ['activity'], visit: ['session', 'per visit'], night: ['session', 'per night'], class: ['session', 'per class'], club: ['session', 'per club'],
  lesson: ['session', 'per lesson'], workshop: ['session', 'per workshop'],
};
/** An amount in pounds; a thousands comma only before three digits, so "£15, £20" is two prices. */
const AMOUNT = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?';
const PRICE = `£\\s?(${AMOUNT})`;
/** More prices after the first: ", £20", " / £7.50 reduced". */
const MORE_PRICES = `((?:\\s*(?:,|\\/|or|and)\\s*£\\s?${AMOUNT})*)`;
const pricesIn = (first: string, more: string) => [first, ...[...more.matchAll(new RegExp(PRICE, 'g'))].map((x) => x[1]!)];
/** "per child", "a person" between a price and its unit: "£12 per child per day". */
const PER_HEAD = '(?:(?:per|a|for each|each)\\s+(?:child|person|young person|participant|place)\\s+)?';
/** A length before the unit: "per 2-hour session", "a half-day session". */
const LENGTH = '(?:(?:\\d+(?:\\.\\d+)?|half|full)[- ]?(?:hours?|hrs?|h|minutes?|mins?|day)[- ])?';
/** The unit words of a charge, and the words a sentence names sessions by ("Sessions cost £5 each"). */
const CHARGE_UNITS = 'hour|hr|h|session|day|week|month|year|activity|visit|night|class|club|lesson|workshop';
const SESSION_NOUNS = 'sessions?|classes|class|lessons?|workshops?|visits?';
/** A price followed by a unit is a rate, read by the rate pattern, not by the list patterns. */
const RATE_UNIT_AFTER = new RegExp(`^\\s*${PER_HEAD}(?:per|an?|each|for each|for every|every|for (?:an?|one|the)|\\/)\\s*${LENGTH}(?:${CHARGE_UNITS})s?\\b`, 'i');
const unitOf = (word: string): [Charge['per'], string?] => CHARGE_UNIT[word.toLowerCase().replace(/(?:es|s)$/, '')] ?? CHARGE_UNIT[word.toLowerCase()] ?? ['session'];
const NOT_A_CHARGE = /\b(?:up to|maximum(?: of)?|max\.?|grants?|budgets?|awards?|allowance|worth|direct payments?|personal assistants?|rates?|paid at|we pay|council pays|will pay you)\b[^.;]*$/i;

/** Parental charges: "£2 per hour", "a charge of £5 per day", "£4.50 per session", "£1 an hour", "50p a session", "£20 annual fee". */
export function parseCharges(text: string): Charge[] {
  const t = normaliseNumbers(text);
  const out: Charge[] = [];
  const add = (amount: number, per: Charge['per'], note: string, at: number) => {
    if (NOT_A_CHARGE.test(t.slice(Math.max(0, at - 60), at))) return;
    if (!out.some((c) => c.amount_gbp === amount && c.per === per)) out.push({ amount_gbp: amount, per, note: squash(note) });
  };
  const rate = new RegExp(`(?:£\\s?(\\d[\\d,]*(?:\\.\\d{1,2})?)|\\b(\\d{1,2})p)\\s*${PER_HEAD}(?:(?:per|an?|each|for each|for every|every|for (?:an?|one|the))\\s+|\\/\\s*)${LENGTH}(${CHARGE_UNITS})s?\\b`, 'gi');
  for (const m of t.matchAll(rate)) {
    const [per, extra] = unitOf(m[3]!);
    add(m[1] ? num(m[1]) : num(m[2]!) / 100, per, extra ? `${m[0]} (${extra})` : m[0], m.index);
  }
  // Prices named by the session they buy: "Sessions cost £5 each", "lessons are 1 hour from just £15, £20".
  const listed = new RegExp(`\\b(${SESSION_NOUNS})\\s+(?:are|is|cost|costs|priced at|at)\\s+(?:(?:\\d+(?:\\.\\d+)?|an?|one)\\s+(?:hours?|minutes?|mins?)\\s+)?(?:(?:from|at)\\s+)?(?:just\\s+|only\\s+)?${PRICE}${MORE_PRICES}`, 'gi');
  for (const m of t.matchAll(listed)) {
    if (RATE_UNIT_AFTER.test(t.slice(m.index + m[0].length))) continue;
    const [per] = unitOf(m[1]!);
    for (const amount of pricesIn(m[2]!, m[3]!)) add(num(amount), per, m[0], m.index);
  }
  // Caps on what families pay: "high-cost activities capped at £15 standard / £7.50 reduced".
  const capped = new RegExp(`\\b(activit(?:y|ies)|${SESSION_NOUNS}|fees?|charges?)\\b[^.;£]{0,20}?\\b(?:are |is )?(?:capped|limited) at\\s+${PRICE}((?:\\s+[a-z]+)?(?:\\s*(?:,|\\/|or|and)\\s*£\\s?${AMOUNT}(?:\\s+[a-z]+)?)*)`, 'gi');
  for (const m of t.matchAll(capped)) {
    if (RATE_UNIT_AFTER.test(t.slice(m.index + m[0].length))) continue;
    const per: Charge['per'] = /^activit/i.test(m[1]!) || /^(?:fee|charge)/i.test(m[1]!) ? 'activity' : unitOf(m[1]!)[0];
    for (const amount of pricesIn(m[2]!, m[3]!)) add(num(amount), per, m[0], m.index);
  }
  // A price with its unit in brackets, as council tables write it: "£4.50 (swimming session)", "£10 (per day)".
  for (const m of t.matchAll(/£\s?(\d[\d,]*(?:\.\d{1,2})?)\s*\(\s*(?:per\s+|an?\s+)?(?:[a-z-]+\s+){0,3}?(hour|session|day|visit|class|night)s?\s*\)/gi)) {
    const [per, extra] = CHARGE_UNIT[m[2]!.toLowerCase()]!;
    add(num(m[1]!), per, extra ? `${m[0]} (${extra})` : m[0], m.index);
  }
  for (const m of t.matchAll(/£\s?(\d[\d,]*(?:\.\d{1,2})?)\s+(annual|yearly|one-off|registration|joining|membership)\s+(?:membership\s+)?(?:fee|charge|cost)/gi))
    add(num(m[1]!), /annual|yearly|membership/i.test(m[2]!) ? 'year' : 'one_off', m[0], m.index);
  for (const m of t.matchAll(/\b(one-off|registration|joining|annual|yearly|membership)\s+(?:fee|charge|cost)\s+of\s+£\s?(\d[\d,]*(?:\.\d{1,2})?)(?!\s*(?:per|an?|each)\s)/gi))
    add(num(m[2]!), /annual|yearly|membership/i.test(m[1]!) ? 'year' : 'one_off', m[0], m.index);
  return out;
}

/** True when the text says the offer costs families nothing. */
export const isFree = (text: string): boolean =>
  /\b(?:free of charge|no charge|at no cost|no cost to (?:you|families|parents|the family)|(?:is|are|it's|they're) (?:completely |all )?free\b|free (?:for|to attend|to use|to join|sessions?|activities|places?)|without charge|costs? (?:you )?nothing|(?:fully|completely) funded)/i.test(text);

/** Hourly direct-payment or personal-assistant rates the council pays ("Direct payments are paid at £13 per hour"). */
export function parseDirectPaymentRates(text: string): RateMatch[] {
  const out: RateMatch[] = [];
  for (const sentence of normaliseNumbers(text).split(/(?<=[.!?])\s+|\n/)) {
    if (!/\b(?:direct payments?|personal assistants?)\b/i.test(sentence) && !/\bPAs?\b/.test(sentence)) continue;
    for (const m of sentence.matchAll(/£\s?(\d+(?:\.\d{1,2})?)\s*(?:per|an?|\/)\s*(?:hour|hr|h)\b/gi))
      if (!out.some((r) => r.amount_gbp === num(m[1]!))) out.push({ amount_gbp: num(m[1]!), per: 'hour', cue: squash(sentence) });
  }
  return out;
}

// ---- gates ----

const GATE_PATTERNS: Array<{ code: string; re: RegExp }> = [
  { code: 'benefit_dla', re: /\b(?:(?:middle|higher|high|lower|mid)(?:\s*(?:or|and|\/)\s*(?:middle|higher|high|lower))?[\s-]+rates?\s+(?:of\s+)?(?:the\s+)?(?:care\s+component\s+(?:of\s+)?)?(?:DLA|Disability Living Allowance)|(?:DLA|Disability Living Allowance)(?:\s+at\s+the\s+(?:middle|higher|high)(?:\s+or\s+(?:higher|high))?\s+rate)?)\b/i },
  { code: 'benefit_pip', re: /\b(?:(?:enhanced|any|standard)(?:\s+rate(?:\s+of)?)?\s+(?:PIP|Personal Independence Payment)|any\s+rate\s+of\s+(?:PIP|Personal Independence Payment)|PIP|Personal Independence Payments?)\b/ },
  { code: 'ehc_plan', re: /\b(?:EHC\s?Ps?|EHC plans?|education,? health and care plans?)\b/i },
  { code: 'registration_card', re: /\b(?:Gateway Card\+?|Max Card|(?:short breaks?|leisure|access|disability) (?:card|passport|register)|passport (?:id|number)|(?:children'?s )?disability register|register(?:ed)? (?:with|on|for) (?:the |our )[^.]{0,40}?\b(?:card|register|scheme|account)\b|register(?:ed)? (?:with|for) (?:the )?short breaks\b|registration (?:card|scheme|form|number)|digital account)/i },
  { code: 'professional_letter', re: /\b(?:letter|report|evidence)(?: of support)? from (?:a|an|your|their|the child'?s|the)?\s*(?:GP|SENCO|doctor|consultant|paediatrician|health visitor|school|teacher|professional|social worker|specialist|other professional)(?:(?:\s*(?:\/|,|or)\s*)(?:a |an |other )?(?:GP|SENCO|doctor|consultant|school|professional|teacher))*(?:\s+or other professional)?|\b(?:GP|SENCO|professional)(?:'s)? (?:letter|form)/i },
  { code: 'ras_score', re: /\b(?:RAS(?: questionnaire)?(?:\s*:?\s*score(?: of)?\s*(?:≥|>=|at least)?\s*\d+(?: or more| or above)?)?|resource allocation (?:system|score|questionnaire)(?: score)?)/ },
  { code: 'household_income', re: /\b(?:household income (?:is |must be |of )?(?:under|below|less than|of less than|<|up to|not exceeding|not more than)\s*£\s?[\d,]+|means[- ]tested benefits?|income[- ]related benefits?|universal credit|low[- ]income)/i },
  { code: 'social_care_assessment', re: /\b(?:social (?:care|work(?:er)?) assessment|assess(?:ment|ed) by (?:a |the |our )?(?:social worker|children with disabilities team|disabled children'?s (?:team|service))|child in need assessment|needs assessment from (?:a |the )?social (?:worker|care))/i },
  { code: 'early_help_referral', re: /\b(?:early help|multi-agency (?:referral|panel|route)|common assessment framework|team around the family)\b/i },
  { code: 'residence', re: /\b(?:[Ll]ive|[Ll]ives|[Ll]iving|[Rr]esident|[Rr]eside)s?\s+in\s+(?:the\s+)?(?:(?:county|borough|city|district|area|council'?s area)\b|[A-Z][\w'-]+(?:[ -](?:upon|on|and|le|in)?[ -]?[A-Z][\w'-]+)*)/ },
  { code: 'diagnosis_evidence', re: /\b(?:diagnosis\b|diagnosed with|evidence of (?:a |their |your child'?s )?(?:disability|additional needs?|diagnosis))/i },
];
const NEGATED_ASSESSMENT = /\b(?:no|without(?: an?)?|not need(?: an?)?|doesn'?t need(?: an?)?|does not need(?: an?)?|don'?t need(?: an?)?|do not need(?: an?)?|not required(?: to have)?(?: an?)?)\s+(?:a\s+|an\s+)?(?:social[- ](?:care|work(?:er)?)\s+)?assessment(?: (?:is )?(?:needed|required))?/gi;

/** The taxonomy gate codes a text sets for access, each with the phrase that matched, in the order they appear. */
export function parseGates(text: string): GateMatch[] {
  const t = text.replace(NEGATED_ASSESSMENT, (m) => '~'.repeat(m.length));
  const hits: Array<GateMatch & { at: number }> = [];
  for (const { code, re } of GATE_PATTERNS) {
    const m = re.exec(t);
    if (m) hits.push({ code, cue: squash(text.slice(m.index, m.index + m[0].length)), at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at).map(({ code, cue }) => ({ code, cue }));
}

// ---- access tiers ----

/** Council tier vocabularies (kept in step with taxonomy.json tier_schemes by a test). */
export const TIER_SCHEMES: Array<{ council: string; label: RegExp; name: string; tier: AccessTier }> = [
  { council: 'Lancashire', name: 'Break-time', label: /\bBreak[- ]?[Tt]ime\b/, tier: 'targeted' },
  { council: 'Lancashire', name: 'Day-time', label: /\bDay-time(?= short breaks?\b| offer\b|$)/, tier: 'specialist' },
  { council: 'Lancashire', name: 'Night-time', label: /\bNight-time(?= short breaks?\b| offer\b|$)/, tier: 'specialist' },
  { council: 'Hertfordshire', name: 'Activities Extra', label: /\bActivities Extra\b/i, tier: 'targeted' },
  { council: 'Hertfordshire', name: 'SBLO Plus', label: /\bSBLO Plus\b/i, tier: 'specialist' },
  { council: 'Hertfordshire', name: 'SBLO Intensive', label: /\bSBLO Intensive\b/i, tier: 'specialist' },
  { council: 'Oldham', name: 'Level 1', label: /\bLevel (?:1|one)\b/i, tier: 'universal' },
  { council: 'Oldham', name: 'Level 2', label: /\bLevel (?:2|two)\b/i, tier: 'targeted' },
  { council: 'Oldham', name: 'Level 3', label: /\bLevel (?:3|three)\b/i, tier: 'specialist' },
  { council: 'Nottingham', name: 'small', label: /\bsmall (?:short breaks?|support|help|needs?)\b/i, tier: 'universal' },
  { council: 'Nottingham', name: 'some', label: /\bsome (?:short breaks?|support|help|needs?)\b/i, tier: 'targeted' },
  { council: 'Nottingham', name: 'lots of', label: /\blots of (?:short breaks?|support|help|needs?)\b/i, tier: 'specialist' },
  { council: 'Nottingham', name: 'exceptional', label: /\bexceptional (?:short breaks?|support|help|needs?)\b/i, tier: 'specialist' },
  { council: 'Stoke-on-Trent', name: 'additional', label: /\badditional (?:short breaks? )?services\b/i, tier: 'targeted' },
];
const EXPLICIT_TIER = /\b(universal|targeted|specialist)\s+(?:short breaks?|services?|support|offer|tier|level|activities|provision|clubs?)\b/i;
const BARE_TIER = /^\W*(universal|targeted|specialist)\W*$/i;
const ACCESS_CUES: Array<{ tier: AccessTier; re: RegExp }> = [
  { tier: 'specialist', re: /\b(?:assess(?:ment|ed) by (?:a |the |our )?social worker|social (?:care|work(?:er)?) assessment|child in need assessment|allocated social worker|(?:need|needs|after|following) (?:an? )?(?:needs )?assessment)\b/i },
  { tier: 'targeted', re: /\b(?:self[- ]referr?(?:al|ed|ing)?|refer yourself|NO-ASSESSMENT|professional referral|referred by a professional)\b/i },
  { tier: 'universal', re: /\b(?:open to (?:all|everyone|any child)|all children and young people|mainstream|no referral)\b/i },
];

/** The access tier a text describes: a council's own tier name first, then universal/targeted/specialist, then access cues. */
export function parseTier(text: string): TierMatch | undefined {
  for (const s of TIER_SCHEMES) {
    const m = s.label.exec(text);
    if (m) return { tier: s.tier, label: s.name, cue: m[0] };
  }
  const explicit = EXPLICIT_TIER.exec(text) ?? BARE_TIER.exec(text);
  if (explicit) return { tier: explicit[1]!.toLowerCase() as AccessTier, cue: squash(explicit[0].replace(/^\W+|\W+$/g, '')) };
  // "You do not need a social care assessment" is a targeted cue, not a specialist one.
  const negated = new Map<number, number>();
  const masked = text.replace(NEGATED_ASSESSMENT, (m, at: number) => {
    negated.set(at, m.length);
    return `NO-ASSESSMENT${' '.repeat(Math.max(0, m.length - 13))}`;
  });
  const best = ACCESS_CUES.map(({ tier, re }) => ({ tier, m: re.exec(masked) }))
    .filter((h) => h.m)
    .sort((a, b) => a.m!.index - b.m!.index)[0];
  if (!best) return undefined;
  const at = best.m!.index;
  return { tier: best.tier, cue: squash(text.slice(at, at + (negated.get(at) ?? best.m![0].length))) };
}
