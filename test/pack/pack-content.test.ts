// What a workshop lead reads in a pack built from the real data (Lancashire against its 2025 statistical
// neighbours): sources behind every card, missing shown as missing, options naming peers, the data annex, the
// manifest, and the same pack from the same data.
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { zipPack, type BuiltPack } from '../../src/pack/render/build-pack.js';
import { AppError } from '../../src/domain/errors.js';
import { offerCells } from '../../src/scoring/grid.js';
import { buildPackFromStore } from '../../src/node/pack-builder.js';
import type { Store } from '../../src/store/store.js';
import { builtDb } from '../support/temp-db.js';

const LANCASHIRE = 'E10000017';
const text = (f: BuiltPack['files'][number]) => new TextDecoder().decode(f.data);
const file = (p: BuiltPack, path: string) => p.files.find((f) => f.path === path)!;

describe('workshop option pack content', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  let pack: BuiltPack;
  let $: cheerio.CheerioAPI;

  beforeAll(async () => {
    db = await builtDb();
    store = await openDatabase(db.path, { readonly: true });
    pack = await buildPackFromStore(store, LANCASHIRE, {}, { now: new Date('2026-11-22T12:00:00Z') });
    $ = cheerio.load(text(file(pack, 'pack.html')));
  });
  afterAll(async () => {
    await store.driver.close();
    db.cleanup();
  });

  it('is one self-contained HTML file: no scripts, no external stylesheets, images or fonts', () => {
    expect($('script')).toHaveLength(0);
    expect($('link[rel=stylesheet], img, iframe, object, embed')).toHaveLength(0);
    expect($('style').text()).not.toMatch(/url\(|@import/);
    expect($('style').text()).toContain('@media print');
    expect($('html').attr('lang')).toBe('en-GB');
  });

  it('has every section a workshop needs, in order', () => {
    const headings = $('h2').map((_, h) => $(h).text()).get();
    const expected = ['case for change', 'Critical success factors', 'local baseline', 'compares', 'Evidence from comparators', 'Long list', 'Appraisal', 'Short list', 'ranking survive', 'Summary', 'Limitations', 'Glossary', 'Sources'];
    let at = -1;
    for (const e of expected) {
      const i = headings.findIndex((h, k) => k > at && h.includes(e));
      expect(i, `section "${e}" after position ${at} in ${headings.join(' | ')}`).toBeGreaterThan(at);
      at = i;
    }
    const cover = $('.cover').text();
    for (const s of ['The decision', 'Who decides', 'Compared with', 'DfE statistical neighbours (2025 model)', 'Data date', '4 December 2026', 'Scoring method', pack.manifest.method_version]) expect(cover).toContain(s);
  });

  it('links every peer evidence card to a source stored in the database, with its dates and confidence', async () => {
    const stored = new Set((await store.driver.all<{ url: string }>('SELECT url FROM sources')).map((r) => r.url));
    const cards = $('article.card');
    expect(cards.length).toBeGreaterThan(0);
    cards.each((_, el) => {
      const card = $(el);
      const sourceDd = card.find('dt:contains("Source")').next('dd');
      const href = sourceDd.find('a[href^="http"]').attr('href');
      expect(href, card.find('h3').text()).toBeDefined();
      expect(stored.has(href!), `${href} is a stored source`).toBe(true);
      for (const label of ['What', 'Who for', 'How to get it', 'Cost', 'When', 'Tier', 'Inspection', 'Dates', 'Confidence']) expect(card.find(`dt:contains("${label}")`).length, label).toBeGreaterThan(0);
      expect(card.find('dt:contains("Dates")').next('dd').text()).toMatch(/read \d{1,2} \w+ \d{4}/);
      // The card's source is in the numbered list at the end, with the same URL.
      const n = sourceDd.find('a[href^="#source-"]').attr('href')!;
      expect($(`${n} a`).attr('href')).toBe(href);
    });
    // Every comparator offer shown comes from a comparator, never from the local council.
    expect(pack.data.cards.every((c) => c.offer.council_code !== LANCASHIRE)).toBe(true);
  });

  it('shows missing as missing: comparators without offers are named, unranked councils say why, no invented zeros', () => {
    const body = $('main').text();
    expect(pack.data.gaps.analysis.peers_without_offers.length).toBeGreaterThan(0);
    for (const p of pack.data.gaps.analysis.peers_without_offers) expect($('section[aria-labelledby="cards"] .warn').text()).toContain(p.name);
    expect(body).toContain('Not found is not the same as not provided');
    const darlington = $('table')
      .filter((_, t) => $(t).find('caption').text().startsWith('Scores of every council'))
      .find('tr')
      .filter((_, tr) => $(tr).find('th').first().text() === 'Darlington');
    expect(darlington.text()).toContain('not ranked');
    expect(darlington.text()).toContain('not known');
    expect(darlington.text()).toMatch(/evidence coverage \d+% is below/);
  });

  it('draws the long list from the gap analysis, each option naming the comparators that do it, appraised with words and symbols', () => {
    expect(pack.data.options.length).toBeGreaterThan(2);
    const rows = $('#longlist').parent().find('tbody tr');
    expect(rows.length).toBe(pack.data.options.length);
    for (const o of pack.data.options.filter((x) => x.kind === 'service')) {
      const row = rows.filter((_, r) => $(r).text().includes(o.title));
      for (const p of o.peers) expect(row.text()).toContain(p.name);
    }
    const rag = $('.rag');
    expect(rag.length).toBeGreaterThan(0);
    rag.each((_, el) => expect($(el).text()).toMatch(/^\s*[▲●▼?]\s+(Evidence supports|Some evidence|Evidence against|Not known: for the room)$/));
  });

  it('gives a scoring sheet per short-listed option with the anchored 0-5 scale and blank columns, plus one for the room', () => {
    const sheets = $('.sheet');
    expect(sheets.length).toBe(pack.data.shortlist.length + 1);
    expect($('#shortlist').parent().find('table').first().text()).toMatch(/0Makes things worse[\s\S]*5A large improvement/);
    sheets.each((_, s) => {
      const rows = $(s).find('tbody tr');
      expect(rows.length).toBe(7);
      expect(rows.last().text()).toContain('Total');
      expect($(s).find('.anchors').text()).toContain('0 makes things worse');
      rows.each((__, r) => expect($(r).find('td').slice(-4).text().trim()).toBe(''));
    });
  });

  it('gives the room a risk table with prompts and blank columns', () => {
    const risks = $('table.risks tbody tr');
    expect(risks.length).toBeGreaterThanOrEqual(5);
    risks.each((_, r) => expect($(r).find('td').text().trim()).toBe(''));
  });

  it('charts are SVG with a caption, and a table says the same', () => {
    for (const id of ['fig-grid', 'fig-scores']) {
      const svg = $(`svg[aria-labelledby="${id}"]`);
      expect(svg.attr('role')).toBe('img');
      expect($(`#${id}`).text().length).toBeGreaterThan(40);
    }
    expect($('table.grid-table tbody tr').length).toBe(new Set(pack.data.gaps.grid.map((c) => c.type)).size);
  });

  it('the easy-read companion has 3 to 5 ideas in short sentences and a response card', () => {
    const e = cheerio.load(text(file(pack, 'easy-read.html')));
    const ideas = e('.idea');
    expect(ideas.length).toBeGreaterThanOrEqual(3);
    expect(ideas.length).toBeLessThanOrEqual(5);
    e('p').each((_, p) => expect(e(p).text().split(/\s+/).filter(Boolean).length, e(p).text()).toBeLessThanOrEqual(20));
    expect(e('fieldset')).toHaveLength(ideas.length);
    e('fieldset').each((_, f) => expect(e(f).find('input[type=radio]').map((__, i) => e(i).parent().text()).get()).toEqual(['I like this', 'I am not sure', 'I do not like this']));
    ideas.each((_, i) => expect(e(i).text()).toContain('What would change for you:'));
  });

  it('the data annex lists every offer, score and source as CSV and XLSX, missing values empty', async () => {
    const offers = parse(text(file(pack, 'data/offers.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(offers).toHaveLength(pack.data.group_offers.length);
    expect(offers.every((o) => /^https?:\/\//.test(o.source_url!) && /^\d{4}-\d{2}-\d{2}$/.test(o.retrieved!))).toBe(true);
    const scores = parse(text(file(pack, 'data/scores.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(scores.map((s) => s.code).sort()).toEqual([...pack.data.compare.group.members].sort());
    const darlington = scores.find((s) => s.council === 'Darlington')!;
    expect(darlington.rank).toBe('');
    expect(darlington.equity).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file(pack, 'data/annex.xlsx').data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Read me', 'Offers', 'Scores', 'Measures', 'Options', 'Sources']);
    expect(wb.getWorksheet('Offers')!.rowCount).toBe(offers.length + 1);
    expect(wb.getWorksheet('Sources')!.rowCount).toBe(pack.data.sources.length + 1);
  });

  it('the ZIP holds every file and a manifest with the council, group, weights, versions, snapshot and build time', () => {
    const entries = unzipSync(zipPack(pack));
    expect(Object.keys(entries)).toEqual(['manifest.json', 'pack.html', 'easy-read.html', 'data/offers.csv', 'data/scores.csv', 'data/metrics.csv', 'data/options.csv', 'data/sources.csv', 'data/annex.xlsx']);
    const m = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(m).toMatchObject({
      council: { code: LANCASHIRE, name: 'Lancashire' },
      theme: 'all',
      group: { id: 'sn2025', version: 'dfe_sn_2025@2025-05' },
      weights: { preset: 'balanced', spec: 'choice=1,equity=1,quality=1,suitability=1' },
      data_date: '2026-12-04',
      built_at: '2026-11-22T12:00:00.000Z',
    });
    expect(m.group.members).toHaveLength(11);
    expect(m.method_version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(m.taxonomy_version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(m.data_fingerprint).toMatch(/\S/);
    expect(m.records.offers.length).toBe(pack.data.group_offers.length);
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(Object.keys(entries).slice(1));
  });

  it('building the same pack twice from the same data gives the same files; only the manifest build time differs', async () => {
    const again = await buildPackFromStore(store, LANCASHIRE, {}, { now: new Date('2027-01-01T00:00:00Z') });
    expect(again.files.map((f) => f.path)).toEqual(pack.files.map((f) => f.path));
    for (const f of pack.files) expect(Buffer.from(file(again, f.path).data).equals(Buffer.from(f.data)), f.path).toBe(true);
    expect({ ...again.manifest, built_at: null }).toEqual({ ...pack.manifest, built_at: null });
    const a = unzipSync(zipPack(pack));
    const b = unzipSync(zipPack(again));
    for (const k of Object.keys(a)) if (k !== 'manifest.json') expect(Buffer.from(a[k]!).equals(Buffer.from(b[k]!)), k).toBe(true);
  });

  it('a council with no offers found says so, and warns that its gaps may be things it already provides', async () => {
    const darlington = await buildPackFromStore(store, 'E06000005', {});
    const b = cheerio.load(text(file(darlington, 'pack.html')));
    expect(b('section[aria-labelledby="case"]').text()).toContain('No current offers were found for Darlington, so how much of the type and time grid it covers is not known');
    expect(b('section[aria-labelledby="baseline"] .warn').text()).toContain('No current offers were found for Darlington. Not found is not the same as not provided.');
    expect(b('section[aria-labelledby="longlist"] .warn').text()).toContain('check what Darlington already provides');
    expect(b('section[aria-labelledby="case"]').text()).not.toMatch(/cover not known|cover 0%/);
  });

  it('a theme narrows the gaps and options; an unknown theme, group or council is refused naming the field', async () => {
    const overnight = await buildPackFromStore(store, LANCASHIRE, { theme: 'overnight' });
    expect(overnight.data.theme_gaps.length).toBeLessThan(pack.data.theme_gaps.length);
    expect(overnight.data.theme_gaps.every((g) => g.slot === 'overnight' || ['overnight_residential_unit', 'family_based_short_break', 'residential_trip', 'home_based_care'].includes(g.type))).toBe(true);
    expect(overnight.data.options.every((o) => o.kind === 'service')).toBe(true);
    for (const [req, field] of [[{ theme: 'sunshine' }, 'theme'], [{ group: 'friends' }, 'group'], [{ weights: 'kindness=1' }, 'weights']] as const) {
      const err = await buildPackFromStore(store, LANCASHIRE, req).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).field).toBe(field);
    }
    const none = await buildPackFromStore(store, 'E99999999', {}).catch((e: unknown) => e);
    expect((none as AppError).field).toBe('code');
  });

  it('a council with no offers found says so on the cover and on the easy read\'s first page, before any idea', async () => {
    for (const [code, name] of [['E06000005', 'Darlington'], ['E08000007', 'Stockport']] as const) {
      const p = await buildPackFromStore(store, code, {});
      const html = text(file(p, 'pack.html'));
      const cover = cheerio.load(html)('.cover').text();
      expect(cover).toContain(`No short break offers published by ${name} were found.`);
      expect(cover).toContain(`check what ${name} already provides`);
      expect(cover).toMatch(/Found in the data: 0 short break offers and \d+ other facts? about its offer/);
      expect(html.indexOf(`No short break offers published by ${name}`)).toBeLessThan(html.indexOf('id="longlist"'));
      const easy = text(file(p, 'easy-read.html'));
      const e = cheerio.load(easy);
      expect(e('.found').text()).toContain(`We found no short breaks published by ${name}.`);
      expect(e('.found').text()).toContain(`Please check what ${name} already provides.`);
      if (e('.idea').length) expect(easy.indexOf(`We found no short breaks published by ${name}`)).toBeLessThan(easy.indexOf('class="idea"'));
    }
  });

  it('the cover says what was found of Lancashire\'s own offer: offers, sources and their dates', () => {
    const found = $('.cover .found');
    expect(found.text()).toContain(`Found in the data: ${pack.data.local_offers.length} short break offers`);
    expect(pack.data.found.sources.length).toBeGreaterThan(0);
    const items = found.find('li');
    expect(items.length).toBe(pack.data.found.sources.length);
    items.each((_, li) => expect($(li).text()).toMatch(/published .+; read \d{1,2} \w+ \d{4}/));
    expect(found.find('.warn')).toHaveLength(0);
    const easy = cheerio.load(text(file(pack, 'easy-read.html')));
    expect(easy('.found').text()).toContain(`We found ${pack.data.local_offers.length} short breaks published by Lancashire.`);
  });

  it('offers no idea for a cell Lancashire\'s own offers cover, and each option names what Lancashire already has nearby', () => {
    const defaults = new Map(pack.data.gaps.grid.map((c) => [c.type, [] as string[]]));
    const localCells = new Set(pack.data.local_offers.flatMap((o) => offerCells(o, defaults)));
    for (const o of pack.data.options) for (const c of o.cells) expect(localCells.has(c.key), `${o.title}: ${c.key}`).toBe(false);
    // Lancashire stores overnight short breaks in a short break home: the easy read never offers that as new.
    expect(pack.data.local_offers.some((o) => o.type === 'overnight_residential_unit' && o.time_slots.includes('overnight'))).toBe(true);
    const easy = cheerio.load(text(file(pack, 'easy-read.html')));
    expect(easy('.idea').text()).not.toContain('stay overnight in a short break home');
    // An option whose kind Lancashire already offers with no times stated may be covered: never an idea.
    const ideas = easy('.idea .easy').map((_, x) => easy(x).text()).get();
    for (const o of pack.data.options.filter((x) => x.maybe_covered)) expect(ideas).not.toContain(o.easy_read);
    // The daytime overnight-unit option names Lancashire's own night-time short breaks.
    const unit = pack.data.options.find((o) => o.type === 'overnight_residential_unit');
    if (unit) {
      expect(unit.when).toBe('daytime');
      expect(unit.easy_read).not.toContain('overnight');
      expect(unit.nearby.map((n) => n.name)).toContain('Night-time (overnight) short breaks');
    }
    const rows = $('#longlist').parent().find('tbody tr');
    for (const o of pack.data.options) {
      const row = rows.filter((_, r) => $(r).find('th').text().startsWith(`${o.id}.`));
      expect(row.text()).toMatch(o.nearby.length ? /Lancashire already has nearby: / : /No offer of Lancashire's own of this kind/);
      for (const n of o.nearby) expect(row.text()).toContain(n.name);
    }
  });

  it('the easy read says the same as each option (its qualifier kept) and never the opposite of Lancashire\'s own evidence', () => {
    const easy = cheerio.load(text(file(pack, 'easy-read.html')));
    const ideas = easy('.idea');
    const shown = ideas.map((_, x) => easy(x).find('.easy').text()).get();
    const opts = shown.map((t) => pack.data.options.find((o) => o.easy_read === t));
    expect(opts.every(Boolean)).toBe(true);
    ideas.each((i, el) => {
      const o = opts[i]!;
      const qualifier = /\(([^()]+)\)$/.exec(o.title)?.[1];
      const when = easy(el).find('.when').text();
      if (qualifier) expect(when).toBe(`When: ${qualifier}`);
      else expect(when).toBe('');
      const svg = easy(el).find('svg[role="img"]');
      expect(svg).toHaveLength(1);
      expect(String(easy(`#${svg.attr('aria-labelledby')}`).prop('tagName')).toLowerCase()).toBe('title');
      expect(svg.find('title').text()).toMatch(/^Picture: \w/);
      expect(easy('fieldset legend').eq(i).text()).toContain(o.easy_read);
    });
    // The inspection and Lancashire's own facts name direct-payment and foster-carer shortages: those options ask
    // for more, never claim the break would be new, and the pack quotes the evidence they rest on.
    for (const type of ['direct_payment', 'family_based_short_break']) {
      const o = pack.data.options.find((x) => x.type === type)!;
      expect(o.local_evidence.length, type).toBeGreaterThan(0);
      expect(o.easy_read).toMatch(/^More (families|children) could /);
      expect(o.what_changes).toContain('so the change may be more of it rather than something new');
      expect($('section[aria-labelledby="case"]').text()).toContain(o.local_evidence[0]!.text);
    }
  });

  it('the easy read says how, by when and to whom to return the card, and says so plainly when nobody has said', async () => {
    const easy = cheerio.load(text(file(pack, 'easy-read.html')));
    const card = easy('.card-page').text();
    expect(card).toContain('How to give us your card');
    expect(card).toContain('Give it back to the person who gave it to you.');
    expect(card).toContain('We have not been told a date to give it back by.');
    expect(card).toContain('We do not have a name to contact yet.');
    const told = await buildPackFromStore(store, LANCASHIRE, { theme: 'holidays', contact: 'Short breaks team, <b>0300 000 0000</b>', return_by: '2027-01-15' });
    const t = cheerio.load(text(file(told, 'easy-read.html')));
    expect(t('.card-page .by').text()).toBe('Please give it back by 15 January 2027.');
    expect(t('.card-page .contact').text()).toBe('Who to contact: Short breaks team, <b>0300 000 0000</b>');
  });
});
