// Robots.txt rules for one origin: RFC 9309 matching (via robots-parser), fetch-status policy, and explanations.
import robotsParserModule from 'robots-parser';

export type RobotsSource = 'file' | 'not_found' | 'unreachable';

export interface RobotsRules {
  source: RobotsSource;
  /** true when the URL may be fetched by our user agent. */
  isAllowed(url: string): boolean;
  /** Crawl-delay for our user agent (or '*') in milliseconds, or undefined. */
  crawlDelayMs: number | undefined;
  /** For a researcher: why a URL is blocked, e.g. 'Disallow: /private/ (group: *)' or 'robots.txt unreachable (HTTP 503): disallow for now'. */
  explain(url: string): string;
  /** The file's Sitemap lines, as absolute URLs (none without a file). */
  sitemaps: string[];
}

/** Product token we match in User-agent lines: 'short-breaks-benchmark'. */
export const ROBOTS_PRODUCT_TOKEN = 'short-breaks-benchmark';

/** RFC 9309 §2.5: crawlers must parse at least the first 500 KiB; we parse exactly that much. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

type Robot = ReturnType<typeof robotsParserModule.default>;
type ParseRobots = (url: string, body: string) => Robot;

// robots-parser is CommonJS but its typings declare an ES default export: at runtime the default import is the function.
const parseRobots = resolveParser(robotsParserModule);

function resolveParser(mod: unknown): ParseRobots {
  return typeof mod === 'function' ? (mod as ParseRobots) : (mod as { default: ParseRobots }).default;
}

const LINE_BREAK = /\r\n|\r|\n/;

export function rulesFromFile(robotsUrl: string, body: string, productToken: string = ROBOTS_PRODUCT_TOKEN): RobotsRules {
  const text = capBody(body);
  const lines = text.split(LINE_BREAK);
  const token = normaliseAgent(productToken);
  const ownGroup = declaredAgents(lines).has(token);
  const agent = ownGroup ? token : '*';
  const robot = parseRobots(robotsUrl, ownGroup ? withOwnGroupEntry(text, token) : text);
  return {
    source: 'file',
    isAllowed: (url) => robot.isAllowed(url, agent) === true,
    crawlDelayMs: crawlDelayMs(robot, agent),
    explain: (url) => explainFileRule(robot, lines, agent, url, robotsUrl),
    sitemaps: sitemapsOf(robot, robotsUrl),
  };
}

/** RFC 9309 §2.3.1: 4xx (incl. 404) -> allow everything ('not_found'); 5xx or a network error -> disallow everything for now ('unreachable'). */
export function rulesForStatus(status: number | 'network_error', robotsUrl: string): RobotsRules {
  return status !== 'network_error' && isUnavailableStatus(status)
    ? statusRules('not_found', true, `robots.txt not found (HTTP ${status}): allow all`, robotsUrl)
    : statusRules('unreachable', false, `robots.txt unreachable (${describeStatus(status)}): disallow for now`, robotsUrl);
}

/**
 * 4xx means "unavailable": allow all. 429 is the exception (as Google treats it): the server asks us to slow down, so
 * it counts as unreachable. 3xx reaches us only when the redirect limit was exceeded, which §2.3.1.2 lets us treat as
 * unavailable.
 */
function isUnavailableStatus(status: number): boolean {
  return (status >= 400 && status < 500 && status !== 429) || (status >= 300 && status < 400);
}

function describeStatus(status: number | 'network_error'): string {
  return status === 'network_error' ? 'network error' : `HTTP ${status}`;
}

function statusRules(source: RobotsSource, allow: boolean, reason: string, robotsUrl: string): RobotsRules {
  return {
    source,
    isAllowed: (url) => allow && sameOrigin(url, robotsUrl),
    crawlDelayMs: undefined,
    explain: (url) => (sameOrigin(url, robotsUrl) ? reason : notCovered(url, robotsUrl)),
    sitemaps: [],
  };
}

function sameOrigin(url: string, robotsUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(robotsUrl).origin;
  } catch {
    return false;
  }
}

function notCovered(url: string, robotsUrl: string): string {
  return `${url} is not covered by ${robotsUrl}: disallow`;
}

/** Keeps the first ROBOTS_MAX_BYTES of UTF-8, cut back to the last whole line so no rule is half-read. */
function capBody(text: string): string {
  if (text.length * 3 <= ROBOTS_MAX_BYTES) return text;
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= ROBOTS_MAX_BYTES) return text;
  const head = new TextDecoder().decode(bytes.subarray(0, ROBOTS_MAX_BYTES));
  const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return lastBreak < 0 ? '' : head.slice(0, lastBreak + 1);
}

/** Same normalisation as robots-parser: lower case, version ("/1.0") dropped, trimmed. */
function normaliseAgent(value: string): string {
  const lower = value.toLowerCase();
  const slash = lower.indexOf('/');
  return (slash < 0 ? lower : lower.slice(0, slash)).trim();
}

interface Field {
  name: string;
  value: string;
}

function parseField(line: string): Field | undefined {
  const hash = line.indexOf('#');
  const content = hash < 0 ? line : line.slice(0, hash);
  const colon = content.indexOf(':');
  if (colon < 0) return undefined;
  return { name: content.slice(0, colon).trim().toLowerCase(), value: content.slice(colon + 1).trim() };
}

function declaredAgents(lines: readonly string[]): Set<string> {
  const agents = new Set<string>();
  for (const line of lines) {
    const field = parseField(line);
    if (field?.name === 'user-agent' && field.value) agents.add(normaliseAgent(field.value));
  }
  return agents;
}

/**
 * robots-parser only records a group once it has a rule line, so a group naming us with no rules would silently fall
 * back to '*'. An appended empty group (after every real line, so line numbers hold) makes ours exist: RFC 9309 says an
 * empty group allows everything.
 */
function withOwnGroupEntry(text: string, token: string): string {
  return `${text}\nUser-agent: ${token}\nDisallow:\n`;
}

/** Sitemap lines apply to the whole file, whatever group they sit in; relative ones are read against robots.txt. */
function sitemapsOf(robot: Robot, robotsUrl: string): string[] {
  const out: string[] = [];
  for (const line of robot.getSitemaps()) {
    try {
      const url = new URL(line, robotsUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !out.includes(url.href)) out.push(url.href);
    } catch {
      // not a URL: ignored
    }
  }
  return out;
}

function crawlDelayMs(robot: Robot, agent: string): number | undefined {
  // Politeness: when our group sets no Crawl-delay, honour the one for '*'.
  const seconds = robot.getCrawlDelay(agent) ?? robot.getCrawlDelay('*');
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.round(seconds * 1000);
}

function explainFileRule(robot: Robot, lines: readonly string[], agent: string, url: string, robotsUrl: string): string {
  if (robot.isAllowed(url, agent) === undefined) return notCovered(url, robotsUrl);
  const lineNumber = robot.getMatchingLineNumber(url, agent);
  const rule = lineNumber > 0 ? ruleText(lines[lineNumber - 1]) : undefined;
  if (rule === undefined) return `allowed: no rule in ${robotsUrl} matches (group: ${agent})`;
  return `${rule} (group: ${agent}, line ${lineNumber})`;
}

function ruleText(line: string | undefined): string | undefined {
  const field = line === undefined ? undefined : parseField(line);
  if (field?.name === 'allow') return `Allow: ${field.value}`;
  if (field?.name === 'disallow') return `Disallow: ${field.value}`;
  return undefined;
}
