// Tests for detectBotProtection: one challenge/block page per vendor cue, and ordinary pages that must pass.
// Every page here is synthetic: a few lines shaped like the real thing, not a copy of any site's page.
import { describe, expect, it } from 'vitest';
import { detectBotProtection, type BotProtectionInput } from './bot-protection.js';

/** About 20 KB of visible text: a "long" ordinary page. */
const LONG_TEXT = `<p>${'Short breaks give disabled children new experiences and their families a break from caring. '.repeat(220)}</p>`;

function councilPage(extra = '', title = 'Short breaks for disabled children | Example Council'): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><main><h1>Short breaks</h1>${LONG_TEXT}${extra}</main></body></html>`;
}

function page(status: number, body: string, headers: Record<string, string> = {}): BotProtectionInput {
  return { status, headers, body };
}

interface PositiveCase {
  name: string;
  input: BotProtectionInput;
  vendor: string;
  cue: string;
}

const POSITIVE: PositiveCase[] = [
  {
    name: 'Cloudflare header cf-mitigated',
    input: page(403, '', { 'cf-mitigated': 'challenge' }),
    vendor: 'Cloudflare',
    cue: 'header cf-mitigated: challenge',
  },
  {
    name: 'Cloudflare "Just a moment..." title',
    input: page(403, '<html><head><title>Just a moment...</title></head><body><p>Please wait.</p></body></html>'),
    vendor: 'Cloudflare',
    cue: 'title "Just a moment..."',
  },
  {
    name: 'Cloudflare "Attention Required!" block page',
    input: page(403, '<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>'),
    vendor: 'Cloudflare',
    cue: 'title "Attention Required! | Cloudflare"',
  },
  {
    name: 'Cloudflare challenge-platform script, even at 200 on a long page',
    input: page(200, councilPage('<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=1"></script>')),
    vendor: 'Cloudflare',
    cue: 'body "/cdn-cgi/challenge-platform/"',
  },
  {
    name: 'Cloudflare cf_chl_ token',
    input: page(200, '<html><body><script>window._cf_chl_opt = { cType: "managed" };</script></body></html>'),
    vendor: 'Cloudflare',
    cue: 'body "cf_chl_opt"',
  },
  {
    name: 'Cloudflare "Checking your browser" interstitial',
    input: page(503, '<title>Please Wait...</title><h2>Checking your browser before accessing example.gov.uk.</h2>'),
    vendor: 'Cloudflare',
    cue: 'body "Checking your browser before accessing"',
  },
  {
    name: 'Imperva "Request unsuccessful"',
    input: page(200, '<html><body>Request unsuccessful. Incapsula incident ID: 123000-456</body></html>'),
    vendor: 'Imperva Incapsula',
    cue: 'body "Request unsuccessful. Incapsula"',
  },
  {
    name: 'Imperva incident ID',
    input: page(403, '<iframe>Incapsula incident ID: 123000-456</iframe>'),
    vendor: 'Imperva Incapsula',
    cue: 'body "Incapsula incident ID"',
  },
  {
    name: 'Imperva _Incapsula_Resource on a near-empty page',
    input: page(
      200,
      '<html><head><meta name="robots" content="noindex,nofollow"><script src="/_Incapsula_Resource?SWJIYLWA=abc"></script></head><body></body></html>',
    ),
    vendor: 'Imperva Incapsula',
    cue: 'body "_Incapsula_Resource"',
  },
  {
    name: 'Akamai Access Denied with an entity-encoded Reference #',
    input: page(
      403,
      '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don\'t have permission to access "http&#58;&#47;&#47;www&#46;example&#46;gov&#46;uk&#47;" on this server.<P>Reference&#32;&#35;18&#46;1a2b3c</BODY></HTML>',
    ),
    vendor: 'Akamai',
    cue: 'body "Access Denied" + "You don\'t have permission to access" + "Reference #"',
  },
  {
    name: 'Akamai Access Denied with errors.edgesuite.net',
    input: page(
      403,
      '<TITLE>Access Denied</TITLE><H1>Access Denied</H1>You don&#39;t have permission to access this page.<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;1a2b3c</P>',
    ),
    vendor: 'Akamai',
    cue: 'body "Access Denied" + "You don\'t have permission to access" + "errors.edgesuite.net"',
  },
  {
    name: 'DataDome header on a 403',
    input: page(403, '', { 'x-datadome': 'protected' }),
    vendor: 'DataDome',
    cue: 'header x-datadome: protected',
  },
  {
    name: 'DataDome captcha-delivery.com',
    input: page(200, councilPage('<iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe>')),
    vendor: 'DataDome',
    cue: 'body "captcha-delivery.com"',
  },
  {
    name: 'PerimeterX px-captcha',
    input: page(403, '<html><body><div id="px-captcha"></div></body></html>'),
    vendor: 'PerimeterX (HUMAN)',
    cue: 'body "px-captcha"',
  },
  {
    name: 'PerimeterX _pxAppId on a 403',
    input: page(403, '<script>window._pxAppId = "PXabc123";</script><p>Press and hold</p>'),
    vendor: 'PerimeterX (HUMAN)',
    cue: 'body "_pxAppId"',
  },
  {
    name: 'AWS WAF challenge header',
    input: page(202, '', { 'x-amzn-waf-action': 'challenge' }),
    vendor: 'AWS WAF',
    cue: 'header x-amzn-waf-action: challenge',
  },
  {
    name: 'AWS WAF captcha header',
    input: page(405, '<html></html>', { 'x-amzn-waf-action': 'captcha' }),
    vendor: 'AWS WAF',
    cue: 'header x-amzn-waf-action: captcha',
  },
  {
    name: 'AWS WAF token script on a short page',
    input: page(200, '<html><head><script>document.cookie = "aws-waf-token=" + t;</script></head><body></body></html>'),
    vendor: 'AWS WAF',
    cue: 'body "aws-waf-token"',
  },
  {
    name: 'Sucuri firewall page',
    input: page(403, '<title>Sucuri WebSite Firewall - Access Denied</title><h2>Access Denied</h2>'),
    vendor: 'Sucuri',
    cue: 'body "Sucuri WebSite Firewall - Access Denied"',
  },
  {
    name: 'Distil "Pardon Our Interruption"',
    input: page(200, '<title>Pardon Our Interruption</title><h1>Pardon Our Interruption</h1><p>Something about your browser made us think you were a bot.</p>'),
    vendor: 'Distil Networks',
    cue: 'body "Pardon Our Interruption"',
  },
  {
    name: 'generic JavaScript-and-cookies page, short, no title',
    input: page(200, '<html><body><p>Please enable JavaScript and cookies to continue</p></body></html>'),
    vendor: 'unknown',
    cue: 'body "Please enable JavaScript and cookies to continue"',
  },
  {
    name: 'generic JavaScript-and-cookies on a 429',
    input: page(429, '<title>Example Council</title><noscript>Enable JavaScript and cookies to continue</noscript>'),
    vendor: 'unknown',
    cue: 'body "Enable JavaScript and cookies to continue"',
  },
  {
    name: 'mixed-case header names are tolerated',
    input: page(403, '', { 'CF-Mitigated': 'challenge' }),
    vendor: 'Cloudflare',
    cue: 'header cf-mitigated: challenge',
  },
];

describe('detectBotProtection: challenge and block pages', () => {
  it.each(POSITIVE)('$name', ({ input, vendor, cue }) => {
    expect(detectBotProtection(input)).toEqual({ vendor, cue });
  });
});

const NEGATIVE: { name: string; input: BotProtectionInput }[] = [
  {
    name: 'a normal council page mentioning Cloudflare and a cookie policy',
    input: page(
      200,
      councilPage(
        '<p>This site is served through Cloudflare. Read our <a href="/privacy">privacy policy about cookies</a>.</p><noscript>Please enable JavaScript and cookies to continue using the map.</noscript>',
      ),
      { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-LHR' },
    ),
  },
  { name: 'a 404 page', input: page(404, '<title>Page not found | Example Council</title><h1>Page not found</h1><p>Try the search.</p>') },
  {
    name: 'a 403 from a CMS without challenge cues',
    input: page(
      403,
      "<title>403 Forbidden</title><h1>Forbidden</h1><p>You don't have permission to access this resource.</p><hr><address>Apache Server</address>",
    ),
  },
  {
    name: "Cloudflare's passive jsd script on a normal page",
    input: page(200, councilPage('<script>a.src="/cdn-cgi/challenge-platform/scripts/jsd/main.js";</script>')),
  },
  {
    name: "Imperva's script injected into a normal page",
    input: page(200, councilPage('<script src="/_Incapsula_Resource?SWJIYLWA=abc"></script>')),
  },
  { name: 'a DataDome header on a normal page', input: page(200, councilPage(), { 'x-datadome': 'protected' }) },
  { name: "PerimeterX's sensor on a normal page", input: page(200, councilPage('<script>window._pxAppId = "PXabc";</script>')) },
  { name: 'a short ordinary page', input: page(200, '<title>Contact us | Example Council</title><p>Phone 01234 567890.</p>') },
  { name: 'AWS WAF header that only counts the request', input: page(200, councilPage(), { 'x-amzn-waf-action': 'count' }) },
];

describe('detectBotProtection: ordinary pages', () => {
  it.each(NEGATIVE)('$name -> null', ({ input }) => {
    expect(detectBotProtection(input)).toBeNull();
  });
});
