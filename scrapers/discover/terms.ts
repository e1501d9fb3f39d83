// The words discovery looks for, once: what makes a page a short breaks candidate, what makes a link worth
// following (Local Offer, SEND, children's pages), what marks a decoy, and council names in titles.

export const SHORT_BREAKS = /\bshort[\s_-]*breaks?\b/i;
export const STATEMENT = /\bshort[\s_-]*breaks?[\s_-]+(?:services?[\s_-]+)?statement\b|\bstatement[\s_-]+of[\s_-]+short[\s_-]*breaks?\b/i;
export const LOCAL_OFFER = /\blocal[\s_-]*offer\b/i;
const SEND = /\bSEND\b|special educational needs|\bdisab(?:led|ility|ilities)\b|additional needs|\bsend[-_/](?:local|support|info)/;
const SEND_LOOSE = /special educational needs|\bdisab(?:led|ility|ilities)\b|additional needs/i;
const CHILDREN = /\bchildren\b|\bfamil(?:y|ies)\b|young people|childcare|family information|\bcarers?\b|\brespite\b/i;

/** The text of a URL as words: host labels, path segments and query values, separators as spaces, lower case. */
export function urlWords(url: string): string {
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname + ' ' + [...u.searchParams.values()].join(' '));
    return `${u.hostname} ${path}`.replace(/[/_.+=&?\s-]+/g, ' ').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** Fold "shortbreaks" (a slug or host written as one word) into "short breaks". */
const unglue = (s: string) => s.replace(/shortbreaks?/gi, (m) => `short ${m.slice(5)}`).replace(/localoffer/gi, 'local offer');

export const hasShortBreaks = (text: string) => SHORT_BREAKS.test(unglue(text));
export const hasStatement = (text: string) => STATEMENT.test(unglue(text));
export const hasLocalOffer = (text: string) => LOCAL_OFFER.test(unglue(text));

export interface DecoyRule {
  flag: DecoyFlag;
  points: number;
  /** What a researcher reads in the reason. */
  label: string;
  /** Tested against the page's name: its title and heading (or, not read, the texts of links to it). */
  name: RegExp;
  /** Tested against its URL's words (host first): narrower, since a real page may sit under "council-and-democracy". */
  url: RegExp;
  /** Also tested against the page's breadcrumb. */
  breadcrumb?: boolean;
}

export type DecoyFlag = 'haf' | 'minutes' | 'consultation' | 'news' | 'jobs' | 'other_council' | 'copy' | 'not_found' | 'record' | 'unverified';

const HAF = /holiday activities and food|\bhaf\b|holiday activit(?:y|ies)(?: and food)? programme/i;
const CONSULTATION = /\bconsult(?:ation|ations|ing)?\b|have your say|\bsurveys?\b|citizen ?space|engagement hq/i;
const NEWS = /\bnews\b|press releases?|media releases?|\bblogs?\b|\bnewsroom\b/i;
const JOBS = /\bvacanc(?:y|ies)\b|\bjobs?\b|\brecruit(?:ment|ing)?\b|\bcareers?\b|\bfostering\b|become a (?:short breaks? )?carer/i;

/** Pages that mention short breaks but are not the council's short breaks page. */
export const DECOY_RULES: readonly DecoyRule[] = [
  { flag: 'haf', points: -90, label: 'a holiday activities and food (HAF) page', name: HAF, url: HAF },
  {
    flag: 'minutes', points: -80, label: 'council meeting papers (minutes, agenda, committee)',
    name: /\bminutes\b|\bagendas?\b|\bcabinet\b|\bcommittees?\b|decision notice|council meeting|items at meetings/i,
    // modern.gov's pages (mgIssueHistoryHome.aspx, ieListDocuments.aspx, ...) and committee hosts (democracy.*).
    url: /^(?:democracy|moderngov|committees|meetings|minutes|cmis)\b|\b(?:moderngov|mg[a-z]*\s+aspx|ie[a-z]*\s+aspx|minutes|agendas?|committees?)\b/i,
  },
  { flag: 'consultation', points: -70, label: 'a consultation or survey', name: CONSULTATION, url: CONSULTATION },
  { flag: 'news', points: -70, label: 'a news item', name: NEWS, url: NEWS, breadcrumb: true },
  { flag: 'jobs', points: -60, label: 'a job or carer recruitment page', name: JOBS, url: JOBS },
];

/** A 200 page that says it is not there. */
export const SOFT_NOT_FOUND = /\bpage not found\b|\bnot found\b|\b404\b|page (?:cannot|can't|could not) be found|no longer (?:exists|available)|page (?:is )?missing/i;

/** A dated URL path (/2024/03/...) is a news item or blog post. */
export const DATED_PATH = /\/20\d\d\/(?:0?[1-9]|1[0-2])\//;

/**
 * How much a link is worth following, from its text and URL: short breaks 10, Local Offer 6, SEND and disability 4,
 * children and families 2; decoy words take 3 off. 0 means not worth a request.
 */
export function followInterest(text: string, url: string): number {
  const words = `${text} ${urlWords(url)}`;
  let n = 0;
  if (hasShortBreaks(words) || hasStatement(words)) n = 10;
  else if (hasLocalOffer(words)) n = 6;
  else if (SEND.test(text) || SEND_LOOSE.test(words)) n = 4;
  else if (CHILDREN.test(words)) n = 2;
  if (n && DECOY_RULES.some((r) => r.name.test(text) || r.url.test(urlWords(url)))) n = Math.max(1, n - 3);
  return n;
}

const NAME_WORD = "(?!Council\\b)[A-Z][\\w'’.&-]*";
const JOIN = '(?:\\s+(?:and|upon|on|in|under|le|the)\\s+|\\s+)';
const NAME = `${NAME_WORD}(?:${JOIN}${NAME_WORD}){0,3}`;
/** "Otherborough Borough Council", "Royal Borough of Otherborough", "Otherborough Local Offer". */
const COUNCIL_NAME_PATTERNS = [
  new RegExp(`(${NAME})\\s+(?:(?:County|City|Borough|District|Metropolitan Borough|Metropolitan District|Unitary)\\s+)?Council\\b`, 'g'),
  new RegExp(`(?:London |Royal )?Borough of (${NAME})(?=\\s+Council|\\b)`, 'g'),
  new RegExp(`(${NAME})(?:'s|’s)?\\s+(?:SEND\\s+|SEN\\s+)?Local Offer\\b`, 'g'),
];
const NOT_A_NAME = new Set(['the', 'your', 'our', 'my', 'this', 'pay', 'contact', 'ask', 'local', 'county', 'city', 'town', 'parish', 'borough', 'district', 'send', 'sen', 'about', 'find', 'search', 'home', 'view', 'see', 'visit', 'welcome', 'short', 'breaks']);

/** Council names a title or heading names ("Otherborough" in "Short breaks | Otherborough Borough Council"). */
export function councilNamesIn(text: string): string[] {
  const out = new Set<string>();
  for (const re of COUNCIL_NAME_PATTERNS)
    for (const m of text.matchAll(re)) {
      const words = m[1]!.split(/\s+/).filter((w) => !NOT_A_NAME.has(w.toLowerCase()));
      const name = words.join(' ');
      if (name.length >= 4) out.add(name);
    }
  return [...out];
}

/** A council's name as compared: lower case letters only, ", City of" and the like dropped. */
export function normaliseCouncilName(name: string): string {
  return name
    .replace(/,\s*(?:City|County) of\b.*$/i, '')
    .replace(/\b(?:county|city|borough|district|metropolitan|council|royal|london|of|the)\b/gi, ' ')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

/** True when a name found on a page is one the council goes by. */
export function isOwnName(name: string, ownNames: readonly string[]): boolean {
  const n = normaliseCouncilName(name);
  if (!n) return true;
  return ownNames.some((own) => {
    const o = normaliseCouncilName(own);
    return !!o && (n.includes(o) || o.includes(n));
  });
}
