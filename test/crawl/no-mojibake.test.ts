// No mojibake in any field of any adapter's output: each shipped adapter reads a page whose every text carries
// UTF-8 read as windows-1252 (once, twice, with a lost byte, next to a no-break space), through the registry the
// crawler and `sbb parse` use, and no string anywhere in its records survives unrepaired; the records are those of
// the same page written properly.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { CuratedRecord } from '../../src/domain/index.js';
import { hasMojibake } from '../../src/text/clean-text.js';
import { garble, garbleLosingBytes } from '../support/mojibake.js';
import type { PageInput, PageOutput } from '../../scrapers/adapters/adapter.js';
import { SHIPPED_ADAPTERS } from '../../scrapers/adapters/all.js';
import { parseFeedJson } from '../../scrapers/adapters/oruk-common.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';

const registry = createAdapterRegistry(SHIPPED_ADAPTERS);
const utf8 = new TextEncoder();

/** The ways mojibake reaches real pages: once, twice, and with the bytes windows-1252 has no character for lost. */
const GARBLE: Array<(s: string) => string> = [garble, (s) => garble(garble(s)), garbleLosingBytes];

/** Written properly: every kind of character that mojibake turns into "â€", "Â" or "Ã", with a no-break space after a dash. */
const SAMPLE = ' – don’t miss “Fun Club” at the café… £5\u00a0– ½ day';
/**
 * The sample garbled, then a no-break space the page writes itself (CKEditor's "&nbsp;") right after a garbled dash:
 * "10am â€“&nbsp;2pm", the run that survived on a real ORUK v1 page.
 */
const withSample = (s: string, write: (s: string) => string) => `${write(`${s}${SAMPLE} 10am –`)}\u00a02pm`;

/** Strings in a value at any depth, with where they are. */
function strings(v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

const survivors = (records: readonly CuratedRecord[]) => strings(records).filter(([, s]) => hasMojibake(s) || /[\u00C2\u00C3\u00E2]\S?[\u0080-\u00BF\u20AC\u2122]/.test(s));

/* ---------- pages with the sample in every text ---------- */

/** Keys whose values are identifiers, addresses or codes, not prose (left as they are). */
const NOT_PROSE = /(^|_)(id|ids|url|uri|email|website|link|href|date|created|modified|updated|at|postcode|postal_code|lat|lng|latitude|longitude|status|type)$/i;

function jsonWith(body: string, write: (s: string) => string): string {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return NOT_PROSE.test(key) || !/[a-z]{3}/i.test(v) || /^\d/.test(v) ? v : withSample(v, write);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const parsed = parseFeedJson(body);
  if (!parsed.ok) throw new Error(parsed.problem);
  return JSON.stringify(walk(parsed.value, ''));
}

function htmlWith(body: string, write: (s: string) => string): string {
  const $ = load(body);
  $('body *')
    .contents()
    .each((_, node) => {
      if (node.type !== 'text') return;
      const parent = (node.parent as { name?: string } | null)?.name;
      if (parent === 'script' || parent === 'style') return;
      // A label ("Cost:") keeps its shape; prose gets the sample after it.
      if (/[a-z]{3}/i.test(node.data) && !/:\s*$/.test(node.data)) node.data = withSample(node.data.replace(/\s+$/, ''), write);
    });
  return $.html();
}

async function pdfWith(write: (s: string) => string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const body = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const lines: Array<[number, string]> = [
    [18, 'Testford Borough Council short breaks statement'],
    [14, 'Saturday clubs'],
    [11, withSample('Saturday clubs are for disabled children aged 8 to 18', write)],
    [11, write(`There is a charge of £3 per session. Families can self-refer${SAMPLE}.`)],
    [14, 'Holiday play schemes'],
    [11, write(`Holiday play schemes run in the summer holidays for children aged 5-17${SAMPLE}.`)],
  ];
  const page = doc.addPage([595, 842]);
  // WinAnsi has no C1 controls: a PDF carries mojibake with the bytes windows-1252 lacks already lost.
  lines.forEach(([size, text], i) => page.drawText(text.replace(/[\u0080-\u009F]/g, ''), { x: 40, y: 790 - i * 22, size, font: size > 11 ? bold : body }));
  return doc.save();
}

/* ---------- one page per adapter ---------- */

const F = new URL('../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, F), 'utf8');

interface Case {
  adapter: string;
  url: string;
  contentType: string;
  label: string;
  platform: string | null;
  /** The page with every text written by `write` (as is, or garbled). */
  page(write: (s: string) => string): string | Promise<Uint8Array>;
}

const CASES: Case[] = [
  { adapter: 'kb5', url: 'https://fsd.exampleshire.example/kb5/exampleshire/directory/service.page?id=Ex4mPleSat1', contentType: 'text/html', label: 'detail', platform: 'idox_kb5', page: (w) => htmlWith(read('sites/kb5/service-Ex4mPleSat1.html'), w) },
  { adapter: 'kb5', url: 'https://fsd.exampleshire.example/kb5/exampleshire/directory/results.page?qt=short+breaks', contentType: 'text/html', label: 'list', platform: 'idox_kb5', page: (w) => htmlWith(read('sites/kb5/results-bs5.html'), w) },
  { adapter: 'oruk_v1', url: 'https://feed.exampleshire.example/o/ServiceDirectoryService/v2/services/40101', contentType: 'application/json', label: 'detail', platform: 'placecube', page: (w) => jsonWith(read('oruk/synthetic-placecube/service-40101.json'), w) },
  { adapter: 'oruk_v1', url: 'https://feed.exampleshire.example/o/ServiceDirectoryService/v2/services/40102', contentType: 'application/json', label: 'detail', platform: 'placecube', page: (w) => jsonWith(read('oruk/synthetic-placecube/service-40102.json'), w) },
  { adapter: 'oruk_v1', url: 'https://feed.exampleshire.example/o/ServiceDirectoryService/v2/services?page=1', contentType: 'application/json', label: 'list', platform: 'placecube', page: (w) => jsonWith(read('oruk/synthetic-placecube/services-page-1.json'), w) },
  { adapter: 'oruk_v3', url: 'https://feed.example/services/1', contentType: 'application/json', label: 'detail', platform: 'oruk_v3', page: (w) => jsonWith(read('oruk/validator_mocks_v3/Default/service_full.json'), w) },
  { adapter: 'oruk_v3', url: 'https://feed.example/services/1', contentType: 'application/json', label: 'detail', platform: 'oruk_v3', page: (w) => jsonWith(read('oruk/spec_v3_examples/service_full.json'), w) },
  { adapter: 'outpost', url: 'https://api.familyinfo.buckinghamshire.gov.uk/api/v1/services?page=1', contentType: 'application/json', label: 'list', platform: 'outpost', page: (w) => jsonWith(read('oruk/outpost_bucks_fis/services.json'), w) },
  { adapter: 'outpost', url: 'https://api.familyinfo.buckinghamshire.gov.uk/api/v1/services/1', contentType: 'application/json', label: 'detail', platform: 'outpost', page: (w) => jsonWith(read('oruk/outpost_bucks_fis/service.json'), w) },
  { adapter: 'localgov_drupal', url: 'https://samplebury.example/directory/short-breaks/saturday-club', contentType: 'text/html', label: 'detail', platform: 'localgov_drupal', page: (w) => htmlWith(read('sites/localgov-drupal/entry-saturday-club.html'), w) },
  { adapter: 'localgov_drupal', url: 'https://samplebury.example/directory/short-breaks/holiday-scheme', contentType: 'text/html', label: 'detail', platform: 'localgov_drupal', page: (w) => htmlWith(read('sites/localgov-drupal/entry-holiday-scheme.html'), w) },
  { adapter: 'jadu', url: 'https://mocktown.example/directory-record/301/saturday-club', contentType: 'text/html', label: 'detail', platform: 'jadu', page: (w) => htmlWith(read('sites/jadu/record-301-dl.html'), w) },
  { adapter: 'jadu', url: 'https://mocktown.example/directory-record/302/club', contentType: 'text/html', label: 'detail', platform: 'jadu', page: (w) => htmlWith(read('sites/jadu/record-302-li-strong.html'), w) },
  { adapter: 'statement', url: 'https://sampleton.example/short-breaks-statement', contentType: 'text/html', label: 'entry', platform: 'plain_html', page: (w) => htmlWith(read('sites/statement/sampleton.html'), w) },
  { adapter: 'statement', url: 'https://fernleigh.example/short-breaks-statement', contentType: 'text/html', label: 'entry', platform: 'plain_html', page: (w) => htmlWith(read('sites/statement/fernleigh.html'), w) },
  { adapter: 'synergy', url: 'https://exampleshire.example/Synergy/SynergyWeb/Enquiries/Search.aspx?BX=1042&AY=1', contentType: 'text/html', label: 'detail', platform: 'servelec_synergy', page: (w) => htmlWith(read('sites/synergy/detail-1042-table.html'), w) },
  { adapter: 'synergy', url: 'https://exampleshire.example/Synergy/Local_Offer/ShortBreaks.aspx', contentType: 'text/html', label: 'entry', platform: 'servelec_synergy', page: (w) => htmlWith(read('sites/synergy/local-offer-short-breaks.html'), w) },
  { adapter: 'pcg', url: 'https://westmoor.mylocaloffer.example/services/5004', contentType: 'text/html', label: 'detail', platform: 'pcg', page: (w) => htmlWith(read('sites/pcg/service-5004.html'), w) },
  { adapter: 'pcg', url: 'https://westmoor.mylocaloffer.example/api/s4s-advanced-search/directory-search/get-event/5001', contentType: 'application/json', label: 'detail', platform: 'pcg', page: (w) => jsonWith(read('sites/pcg/api/get-event-5001.json'), w) },
  { adapter: 'pdf_statement', url: 'https://testford.example/short-breaks-statement.pdf', contentType: 'application/pdf', label: 'pdf', platform: null, page: (w) => pdfWith(w) },
];

async function parse(c: Case, write: (s: string) => string): Promise<PageOutput> {
  const body = await c.page(write);
  const text = typeof body === 'string' ? body : undefined;
  const page = {
    url: c.url, finalUrl: c.url, status: 200, contentType: c.contentType, text, bytes: typeof body === 'string' ? utf8.encode(body) : body, label: c.label, retrieved: '2026-12-04',
    source: { id: 'src_mojibake', url: c.url, council_code: 'E10000017', kind: 'other', platform: c.platform, adapter: c.adapter, title: null, notes: null },
  } as PageInput;
  return registry.get(c.adapter)!.parse(page);
}

describe('no mojibake in any adapter output', () => {
  it('covers every shipped adapter', () => {
    expect(new Set(CASES.map((c) => c.adapter))).toEqual(new Set(SHIPPED_ADAPTERS.map((a) => a.name)));
  });

  it.each(CASES.flatMap((c) => GARBLE.map((g, i) => [c.adapter, ['once', 'twice', 'lost byte'][i]!, c.url, c, g] as const)))(
    '%s, garbled %s: %s',
    async (_adapter, _how, _url, c, garble) => {
      const clean = await parse(c, (s) => s);
      const garbled = await parse(c, garble);
      expect(clean.records.length).toBeGreaterThan(0);
      // The sample reached the output: the test feeds mojibake into the fields it checks.
      expect(strings(clean.records).some(([, s]) => s.includes('don’t miss'))).toBe(true);
      expect(survivors(garbled.records)).toEqual([]);
      expect(garbled.records.length).toBe(clean.records.length);
      expect(garbled.records.map((r) => r.kind === 'offer' ? r.name : r.id)).toEqual(clean.records.map((r) => r.kind === 'offer' ? r.name : r.id));
    },
  );
});
