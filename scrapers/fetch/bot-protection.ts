// Recognises bot-protection challenge and block pages so they are flagged for manual retrieval (never bypassed).

export interface BotProtectionInput {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Decoded text, may be truncated. */
  body: string;
}

export interface BotProtectionVerdict {
  vendor: string;
  /** The exact thing that matched, e.g. 'header cf-mitigated: challenge' or 'title "Just a moment..."'. */
  cue: string;
}

interface Page {
  status: number;
  headers: Record<string, string>;
  /** Body with character references decoded (Akamai writes "Reference&#32;&#35;18..."). */
  body: string;
  title: string | undefined;
}

/** Returns what it matched (the verdict's cue), or null. */
type Cue = (page: Page) => string | null;

interface VendorCue {
  vendor: string;
  find: Cue;
}

/** Statuses a block or challenge page is served with. */
const BLOCKING_STATUSES = new Set([403, 429, 503]);
/** Below this much visible text (scripts, styles and tags removed) a page is "short". */
const SHORT_TEXT_CHARS = 15 * 1024;
const CHALLENGE_TITLE =
  /just a moment|attention required|access denied|pardon our interruption|security check|checking your browser|verif|robot|captcha|challenge|please wait|one more step|request unsuccessful|blocked/i;

export function detectBotProtection(input: BotProtectionInput): BotProtectionVerdict | null {
  const page = toPage(input);
  const blocking = BLOCKING_STATUSES.has(page.status);
  // Whether the page is short costs five passes over the body: work it out only when a cue depends on it.
  const isShort = () => page.body.length < SHORT_TEXT_CHARS || visibleTextLength(page.body) < SHORT_TEXT_CHARS;
  const strong = firstMatch(STRONG_CUES, page);
  if (strong) return strong;
  const ambient = firstMatch(AMBIENT_CUES, page);
  if (ambient && (blocking || isShort())) return ambient;
  if (blocking || (challengeLikeTitle(page.title) && isShort())) return firstMatch(GENERIC_CUES, page);
  return null;
}

function firstMatch(cues: readonly VendorCue[], page: Page): BotProtectionVerdict | null {
  for (const { vendor, find } of cues) {
    const cue = find(page);
    if (cue !== null) return { vendor, cue };
  }
  return null;
}

function toPage(input: BotProtectionInput): Page {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  const body = decodeEntities(input.body);
  return { status: input.status, headers, body, title: titleOf(body) };
}

function titleOf(body: string): string | undefined {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(body);
  return match?.[1]?.replace(/\s+/g, ' ').trim();
}

function challengeLikeTitle(title: string | undefined): boolean {
  return !title || CHALLENGE_TITLE.test(title);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…' };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function visibleTextLength(body: string): number {
  return body
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}

function header(name: string, value?: RegExp): Cue {
  return (page) => {
    const found = page.headers[name];
    if (found === undefined || (value && !value.test(found))) return null;
    return `header ${name}: ${found.trim()}`;
  };
}

function text(pattern: RegExp): Cue {
  return (page) => {
    const match = pattern.exec(page.body);
    return match ? `body "${match[0]}"` : null;
  };
}

function allText(...patterns: RegExp[]): Cue {
  return (page) => {
    const matches = patterns.map((pattern) => pattern.exec(page.body)?.[0]);
    return matches.every((m) => m !== undefined) ? `body ${matches.map((m) => `"${m}"`).join(' + ')}` : null;
  };
}

function title(pattern: RegExp): Cue {
  return (page) => (page.title !== undefined && pattern.test(page.title) ? `title "${page.title}"` : null);
}

const CLOUDFLARE = 'Cloudflare';
const IMPERVA = 'Imperva Incapsula';
const AKAMAI = 'Akamai';
const DATADOME = 'DataDome';
const PERIMETERX = 'PerimeterX (HUMAN)';
const AWS_WAF = 'AWS WAF';
const SUCURI = 'Sucuri';
const DISTIL = 'Distil Networks';
const UNKNOWN = 'unknown';

/** Vendor-specific: count on any page at any status. */
const STRONG_CUES: readonly VendorCue[] = [
  { vendor: CLOUDFLARE, find: header('cf-mitigated', /^\s*challenge\b/i) },
  { vendor: AWS_WAF, find: header('x-amzn-waf-action', /^\s*(captcha|challenge)\b/i) },
  { vendor: SUCURI, find: header('x-sucuri-block') },
  // Cloudflare's passive bot-detection script (/cdn-cgi/challenge-platform/scripts/jsd/) sits on ordinary pages.
  { vendor: CLOUDFLARE, find: text(/\/cdn-cgi\/challenge-platform\/(?!scripts\/jsd\/)/i) },
  { vendor: CLOUDFLARE, find: text(/cf_chl_\w*/) },
  { vendor: IMPERVA, find: text(/Request unsuccessful\. Incapsula/i) },
  { vendor: IMPERVA, find: text(/Incapsula incident ID/i) },
  { vendor: DATADOME, find: text(/captcha-delivery\.com/i) },
  { vendor: PERIMETERX, find: text(/px-captcha/i) },
  { vendor: SUCURI, find: text(/Sucuri WebSite Firewall - Access Denied/i) },
];

/** Vendor scripts and headers also present on ordinary protected pages: count on a short page or a blocking status. */
const AMBIENT_CUES: readonly VendorCue[] = [
  { vendor: IMPERVA, find: text(/_Incapsula_Resource/) },
  { vendor: DATADOME, find: header('x-datadome') },
  { vendor: PERIMETERX, find: text(/_pxAppId/) },
  { vendor: AWS_WAF, find: text(/aws-waf-token/i) },
];

/** Generic wording: counts on a blocking status, or on a short page with a challenge-like (or no) title. */
const GENERIC_CUES: readonly VendorCue[] = [
  { vendor: CLOUDFLARE, find: title(/^just a moment(\.\.\.|…)?$/i) },
  { vendor: CLOUDFLARE, find: title(/attention required! \| cloudflare/i) },
  { vendor: CLOUDFLARE, find: text(/Checking your browser before accessing/i) },
  {
    vendor: AKAMAI,
    find: allText(/Access Denied/i, /You don['’]t have permission to access/i, /Reference #|errors\.edgesuite\.net/i),
  },
  { vendor: DISTIL, find: text(/Pardon Our Interruption/i) },
  { vendor: UNKNOWN, find: text(/(?:Please )?enable JavaScript and cookies to continue/i) },
];
