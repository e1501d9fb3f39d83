// The HTML statement adapter on synthetic council statements: offers and facts field by field, links, layout, a crawl.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CouncilFact, CuratedRecord, Offer } from '../../src/domain/index.js';
import { startHarness, type Harness } from '../../test/support/crawl-harness.js';
import type { PageInput, PageOutput } from './adapter.js';
import { pdfStatementAdapter } from './pdf-statement.js';
import { createAdapterRegistry } from './registry.js';
import { readStatementLabel, statementAdapter, statementPageLabel } from './statement.js';

const DIR = new URL('../../test/fixtures/sites/statement/', import.meta.url);
const ORIGIN = 'https://www.exampleshire.example';
const COUNCIL = 'E10000017';
const fixture = (file: string) => readFileSync(new URL(file, DIR));

function pageOf(path: string, body: string | Uint8Array, opts: { label?: string; contentType?: string } = {}): PageInput {
  const url = ORIGIN + path;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const contentType = opts.contentType ?? 'text/html; charset=utf-8';
  return {
    url, finalUrl: url, status: 200, contentType, bytes, label: opts.label ?? 'entry', retrieved: '2026-01-02',
    text: contentType.startsWith('text/') ? new TextDecoder().decode(bytes) : undefined,
    source: { id: 'src_1', url: ORIGIN + '/short-breaks-statement/1', council_code: COUNCIL, kind: 'other', platform: 'plain_html', adapter: 'statement', title: null, notes: null },
  };
}

const offers = (out: PageOutput) => out.records.filter((r): r is Offer => r.kind === 'offer');
const facts = (out: PageOutput) => out.records.filter((r): r is CouncilFact => r.kind === 'council_fact');
const offerNamed = (out: PageOutput, name: string) => offers(out).find((o) => o.name === name)!;
const factOn = (out: PageOutput, topic: string) => facts(out).filter((f) => f.topic === topic);
const strip = ({ note: _note, ...rest }: { note?: string }) => rest;

/** Parses the four Exampleshire pages in order, each queued with the label the page before gave it. */
async function readExampleshire(): Promise<PageOutput[]> {
  const outs: PageOutput[] = [];
  let label = 'entry';
  for (const n of [1, 2, 3, 4]) {
    const out = await statementAdapter.parse(pageOf(`/short-breaks-statement/${n}`, fixture(`short-breaks-statement/${n}.html`), { label }));
    outs.push(out);
    label = out.links.find((l) => l.label.startsWith('statement_page'))?.label ?? label;
  }
  return outs;
}

describe('statement adapter: Exampleshire (synthetic), a statement over four numbered pages', async () => {
  const [p1, p2, p3, p4] = await readExampleshire();

  it('reads every page as the layout it expects, without problems', () => {
    for (const out of [p1, p2, p3, p4]) expect([out!.layout, out!.problems]).toEqual(['ok', []]);
  });

  it('follows only the next part of the statement and the statement PDF', () => {
    expect(p1!.links).toEqual([{ url: `${ORIGIN}/short-breaks-statement/2`, label: 'statement_page;pages=1' }]);
    expect(p2!.links).toEqual([{ url: `${ORIGIN}/short-breaks-statement/3`, label: 'statement_page;pages=2;seen=eligibility' }]);
    expect(p3!.links).toEqual([{ url: `${ORIGIN}/short-breaks-statement/4`, label: 'statement_page;pages=3;seen=eligibility' }]);
    expect(p4!.links).toEqual([{ url: `${ORIGIN}/documents/exampleshire-short-breaks-statement-2025.pdf`, label: 'pdf' }]);
  });

  it('page 1: the universal tier, free of charge, and the tier model from the table', () => {
    expect(offers(p1!).map((o) => o.name)).toEqual(['Universal short breaks']);
    const universal = offerNamed(p1!, 'Universal short breaks');
    expect(universal).toMatchObject({
      id: 'statement:e10000017:short-breaks-statement-1-universal-short-breaks',
      council_code: COUNCIL, access_tier: 'universal', tier_label: 'Universal short breaks', gates: [], allowances: [],
      cost: { status: 'free', charges: [], note: 'Library sessions and park play rangers are free of charge.' },
      source: { url: `${ORIGIN}/short-breaks-statement/1`, kind: 'statement', platform: 'plain_html' },
      origin: 'scraped', retrieved: '2026-01-02',
    });
    expect(universal.age_min).toBeUndefined();
    expect(universal.evidence_quote).toBe(
      'Universal short breaks are clubs, leisure centres, libraries and holiday activities open to all children and young people. There is no referral and no assessment. Library sessions and park play rangers are free of charge.',
    );
    expect(universal.description).not.toMatch(/Parts of this statement|Footer text|Council tax/);
    const [model] = factOn(p1!, 'tier_model');
    expect(model).toMatchObject({ statement: 'The statement describes 3 tiers of short breaks: Universal, Targeted, Specialist.', source: { kind: 'statement' } });
    expect(model!.evidence_quote).toContain('Targeted | Disabled children who need extra help to join in | Register for the Exampleshire Short Breaks Card');
  });

  it('page 2: the targeted tier with its ages, gates, hours and charge, and the activities under it', () => {
    expect(offers(p2!).map((o) => o.name)).toEqual(['Targeted short breaks', 'After-school and Saturday clubs', 'Holiday play schemes']);
    const targeted = offerNamed(p2!, 'Targeted short breaks');
    expect(targeted).toMatchObject({
      id: 'statement:e10000017:short-breaks-statement-2-targeted-short-breaks',
      access_tier: 'targeted', tier_label: 'Targeted short breaks', age_min: 5, age_max: 18, age_note: 'aged 5 to 18',
      gates: ['residence', 'registration_card', 'ehc_plan', 'benefit_dla', 'benefit_pip', 'professional_letter'],
      cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour', note: '£2 per hour' }], note: 'Families pay £2 per hour towards each activity.' },
    });
    expect(targeted.allowances.map(strip)).toEqual([{ min: 10, max: 50, unit: 'hours', per: 'year' }]);
    for (const quoted of [
      'You do not need a social care assessment.',
      'Children and young people aged 5 to 18 who live in Exampleshire can use targeted short breaks if they have an Exampleshire Short Breaks Card.',
      'get the middle or higher rate of DLA or any rate of PIP, or',
      'Each child can have a minimum of 10 hours and a maximum of 50 hours of activities a year.',
      'Families pay £2 per hour towards each activity.',
    ])
      expect(targeted.evidence_quote).toContain(quoted);
    expect(targeted.eligibility).toContain('have a letter from a GP, SENCo or other professional.');

    const clubs = offerNamed(p2!, 'After-school and Saturday clubs');
    expect(clubs).toMatchObject({ access_tier: 'targeted', tier_label: 'Targeted short breaks', age_min: 11, age_max: 18, age_note: 'aged 11 to 18', allowances: [] });
    expect(clubs.cost.charges.map(strip)).toEqual([{ amount_gbp: 4.5, per: 'session' }]);
    expect(clubs.gates).toEqual(targeted.gates);
    expect(clubs.evidence_quote).toBe('Clubs are for young people aged eleven to eighteen. Clubs cost £4.50 per session.');

    const holiday = offerNamed(p2!, 'Holiday play schemes');
    expect(holiday).toMatchObject({ access_tier: 'targeted', age_min: 5, age_max: 18, age_note: 'aged 5 to 18 (from "Targeted short breaks")' });
    expect(holiday.allowances.map(strip)).toEqual([{ max: 5, unit: 'days', per: 'week' }]);
    expect(holiday.cost.charges.map(strip)).toEqual([{ amount_gbp: 5, per: 'day' }]);

    const [eligibility] = factOn(p2!, 'eligibility');
    expect(eligibility).toMatchObject({ id: 'statement:e10000017:eligibility:short-breaks-statement-2-who-can-use-targeted-short-breaks', council_code: COUNCIL, confidence: 0.8 });
    expect(eligibility!.evidence_quote).toMatch(/^Children and young people aged 5 to 18 who live in Exampleshire/);
  });

  it('page 3: specialist short breaks; the direct-payment rate is a fact, not a charge to families', () => {
    expect(offers(p3!).map((o) => [o.name, o.access_tier])).toEqual([
      ['Specialist short breaks', 'specialist'], ['Overnight short breaks', 'specialist'], ['Direct payments', 'specialist'], ['Support at home', 'specialist'],
    ]);
    expect(offerNamed(p3!, 'Specialist short breaks')).toMatchObject({ age_min: 0, age_max: 18, gates: ['social_care_assessment'] });
    const overnight = offerNamed(p3!, 'Overnight short breaks');
    expect(overnight.allowances.map(strip)).toEqual([{ max: 36, unit: 'nights', per: 'year' }]);
    expect(overnight.cost.status).toBe('free');
    expect(overnight.evidence_quote).toBe('Families can have up to 36 nights a year, depending on the assessment. Overnight short breaks are free of charge to families.');
    const dp = offerNamed(p3!, 'Direct payments');
    expect(dp.cost).toMatchObject({ status: 'unknown', charges: [] });
    expect(dp.evidence_quote).toBe('Direct payments are paid at £13 per hour.');
    expect(offerNamed(p3!, 'Support at home').allowances.map(strip)).toEqual([{ max: 6, unit: 'hours', per: 'week' }]);
    expect(factOn(p3!, 'direct_payment_rate')).toEqual([
      expect.objectContaining({ value: 13, unit: 'gbp_per_hour', statement: 'Direct payments are paid at £13 per hour.', evidence_quote: 'Direct payments are paid at £13 per hour.' }),
    ]);
  });

  it('page 4: how to apply and complaints, no offers', () => {
    expect(offers(p4!)).toEqual([]);
    const [complaints] = factOn(p4!, 'complaints');
    expect(complaints!.statement).toMatch(/^The statement explains how to complain or challenge a decision: If you are unhappy with a decision/);
    expect(complaints!.evidence_quote).toContain('Local Government and Social Care Ombudsman');
    expect(factOn(p4!, 'eligibility')[0]!.evidence_quote).toBe('To apply for the Exampleshire Short Breaks Card, fill in the online form.');
  });

  it('records what the whole statement leaves out only on its last page', () => {
    for (const out of [p1, p2, p3]) expect(facts(out!).filter((f) => f.id.includes(':not-mentioned-'))).toEqual([]);
    const absent = facts(p4!).filter((f) => f.id.includes(':not-mentioned-'));
    expect(absent.map((f) => [f.topic, f.statement])).toEqual([
      ['transport', 'The statement does not mention transport.'],
      ['carers_assessment', "The statement does not mention the carer's right to an assessment."],
    ]);
    expect(absent[0]).toMatchObject({
      id: 'statement:e10000017:transport:not-mentioned-short-breaks-statement', confidence: 0.6,
      retrieved_note: `Covers the 4 page(s) of the statement that were read, ending at ${ORIGIN}/short-breaks-statement/4; any page not read was not checked.`,
    });
    expect(absent[0]!.evidence_quote).toMatch(/^No mention of transport found in the 4 page\(s\) of the statement read \(searched for: transport, travel/);
  });

  it('checks only the pages it has seen: the last page read on its own says eligibility is missing too', async () => {
    const alone = await statementAdapter.parse(pageOf('/short-breaks-statement/4', fixture('short-breaks-statement/4.html')));
    expect(facts(alone).filter((f) => f.id.includes(':not-mentioned-')).map((f) => f.topic)).toEqual(['transport', 'carers_assessment']);
    const blind = await statementAdapter.parse(pageOf('/short-breaks-statement/4', fixture('short-breaks-statement/4.html'), { label: 'statement_page;pages=3' }));
    expect(facts(blind).find((f) => f.topic === 'transport')!.retrieved_note).toContain('the 4 page(s)');
  });

  it('is pure: the same page gives the same output', async () => {
    const page = pageOf('/short-breaks-statement/2', fixture('short-breaks-statement/2.html'), { label: 'statement_page;pages=1' });
    expect(await statementAdapter.parse(page)).toEqual(await statementAdapter.parse(page));
  });
});

describe('statement adapter: Sampleton (synthetic), a single-page statement', async () => {
  const out = await statementAdapter.parse(pageOf('/sampleton/short-breaks-statement', fixture('sampleton.html')));

  it('finds the content in div#content and follows nothing', () => {
    expect([out.layout, out.problems, out.links]).toEqual(['ok', [], []]);
    expect(offers(out).map((o) => o.name)).toEqual(['Universal activities', 'Short Break Grant']);
  });

  it('reads the grant: £400 per family per year, under 18, income and benefit gates', () => {
    const grant = offerNamed(out, 'Short Break Grant');
    expect(grant).toMatchObject({ access_tier: 'targeted', age_max: 17, age_note: 'under 18', gates: ['residence', 'benefit_dla', 'benefit_pip', 'household_income'], cost: { status: 'unknown', charges: [] } });
    expect(grant.age_min).toBeUndefined();
    expect(grant.allowances.map(strip)).toEqual([{ max: 400, unit: 'gbp', per: 'year' }]);
    expect(grant.evidence_quote).toContain('The Short Break Grant gives families up to £400 per family per year');
    expect(grant.evidence_quote).toContain('Your household income must be under £21,000, or you must get means-tested benefits.');
    expect(offerNamed(out, 'Universal activities')).toMatchObject({ access_tier: 'universal', cost: { status: 'free' } });
  });

  it('says what it covers and that it does not mention complaints', () => {
    expect(facts(out).map((f) => f.topic).sort()).toEqual(['carers_assessment', 'complaints', 'eligibility', 'statement', 'transport']);
    expect(factOn(out, 'transport')[0]!.evidence_quote).toBe('If your child cannot use public transport, our SEND travel team may help them get to their short break.');
    expect(factOn(out, 'carers_assessment')[0]!.evidence_quote).toBe("Parent carers have the right to ask for a carer's assessment of their own needs.");
    expect(factOn(out, 'complaints')).toEqual([expect.objectContaining({ statement: 'The statement does not mention complaints.', id: 'statement:e10000017:complaints:not-mentioned-sampleton-short-breaks-statement' })]);
  });
});

describe('statement adapter: links and layout', () => {
  const cms = (main: string, extra = '') =>
    `<!doctype html><html><head><title>Statement</title>${extra}</head><body><header><a href="/statement/next-steps">Next steps</a></header><nav><a href="/short-breaks-statement/9">Part 9</a></nav>${main}<footer><a href="/cookies">Cookies</a></footer></body></html>`;

  it('follows a "Next" link or rel=next within the same folder when parts are not numbered', async () => {
    const html = cms('<main><h1>Short breaks statement: introduction</h1><p>This synthetic statement explains the short breaks we offer to disabled children.</p><a href="/send/short-breaks/statement-eligibility">Next: who can get short breaks</a><a href="/elsewhere/next">Next</a></main>');
    const out = await statementAdapter.parse(pageOf('/send/short-breaks/statement-introduction', html));
    expect(out.links).toEqual([{ url: `${ORIGIN}/send/short-breaks/statement-eligibility`, label: 'statement_page;pages=1' }]);
    const rel = await statementAdapter.parse(pageOf('/send/short-breaks/statement', cms('<main><p>This synthetic statement explains the short breaks we offer to disabled children.</p></main>', '<link rel="next" href="/send/short-breaks/statement-part-2">')));
    expect(rel.links.map((l) => l.url)).toEqual([`${ORIGIN}/send/short-breaks/statement-part-2`]);
  });

  it('starts a numbered statement from its first part when the entry page is the unnumbered landing page', async () => {
    const html = cms('<main><h1>Short breaks statement</h1><p>This synthetic statement is split into parts.</p><ol><li><a href="/short-breaks-statement/3">Part 3</a></li><li><a href="/short-breaks-statement/1">Part 1</a></li><li><a href="/short-breaks-statement/2">Part 2</a></li></ol></main>');
    const out = await statementAdapter.parse(pageOf('/short-breaks-statement', html));
    expect(out.links).toEqual([{ url: `${ORIGIN}/short-breaks-statement/1`, label: 'statement_page;pages=1' }]);
  });

  it('follows only PDFs of the statement, on any host', async () => {
    const html = cms('<main><h1>Short breaks</h1><p>This synthetic page has several documents linked from it for the test.</p><a href="https://cdn.example.org/files/Short_Breaks_Statement_2025.pdf">Download</a><a href="/docs/menu.pdf">Lunch menu (PDF)</a><a href="/docs/sb.pdf">Short breaks statement (PDF)</a><a href="/docs/sb.pdf#page=2">same PDF</a><a href="mailto:sb@example.org">Email</a></main>');
    const out = await statementAdapter.parse(pageOf('/send/short-breaks', html));
    expect(out.links).toEqual([
      { url: 'https://cdn.example.org/files/Short_Breaks_Statement_2025.pdf', label: 'pdf' },
      { url: `${ORIGIN}/docs/sb.pdf`, label: 'pdf' },
    ]);
  });

  it('reports a layout change when the main content has no text', async () => {
    for (const html of [cms('<main>  </main>'), cms('<main><nav><a href="/x">Menu only</a></nav></main>'), '<html><body><header>Site header</header><footer>Footer</footer></body></html>']) {
      const out = await statementAdapter.parse(pageOf('/short-breaks-statement/1', html));
      expect(out.layout).toBe('changed');
      expect(out.records).toEqual([]);
      expect(out.problems[0]).toMatch(/^no statement text in the main content/);
    }
  });

  it('reports a page that is neither HTML nor PDF as a layout change', async () => {
    const out = await statementAdapter.parse(pageOf('/short-breaks-statement/1', new Uint8Array([1, 2, 3]), { contentType: 'image/png' }));
    expect(out).toMatchObject({ layout: 'changed', problems: ['no text to read: the page is image/png, not HTML or PDF'] });
  });

  it('hands a PDF (by its bytes) to the PDF reader', async () => {
    const out = await statementAdapter.parse(pageOf('/documents/statement', fixture('statement.pdf'), { contentType: 'application/octet-stream' }));
    expect(out.layout).toBe('ok');
    expect(offers(out).map((o) => o.name)).toEqual(['Holiday play schemes', 'Saturday clubs', 'Overnight short breaks']);
  });

  it('round-trips the statement page label', () => {
    expect(readStatementLabel(statementPageLabel(3, ['transport', 'complaints']))).toEqual({ pages: 3, seen: new Set(['complaints', 'transport']) });
    expect(readStatementLabel('entry')).toEqual({ pages: 0, seen: new Set() });
    expect(readStatementLabel('statement_page;pages=2;seen=bogus,eligibility').seen).toEqual(new Set(['eligibility']));
  });
});

describe('statement adapter: a crawl of the multi-page statement', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('reads all four pages in order and stores the offers and facts', async () => {
    h = await startHarness();
    for (const n of [1, 2, 3, 4]) h.server.route(`/short-breaks-statement/${n}`, { kind: 'static', body: fixture(`short-breaks-statement/${n}.html`) });
    const result = await h.scrape([], {
      urls: [{ url: h.server.url + '/short-breaks-statement/1', councilCode: COUNCIL, adapter: 'statement' }],
      adapters: createAdapterRegistry([statementAdapter, pdfStatementAdapter]),
    });
    expect(result.status).toBe('completed');
    expect(result.pages).toBe(5); // four parts and the statement PDF link (not served: 404)
    for (const n of [1, 2, 3, 4]) expect(h.server.hits(`/short-breaks-statement/${n}`)).toBe(1);
    expect(h.server.hits('/documents/exampleshire-short-breaks-statement-2025.pdf')).toBe(1);
    for (const path of ['/local-offer/directory', '/documents/holiday-booking-form.pdf', '/contact-us', '/cookies']) expect(h.server.hits(path)).toBe(0);

    const stored = await h.store.offersOf(COUNCIL);
    const byName = new Map(stored.map((o) => [o.name, o]));
    expect([...byName.keys()].sort()).toEqual([
      'After-school and Saturday clubs', 'Direct payments', 'Holiday play schemes', 'Overnight short breaks', 'Specialist short breaks',
      'Support at home', 'Targeted short breaks', 'Universal short breaks',
    ]);
    expect(byName.get('Targeted short breaks')).toMatchObject({
      access_tier: 'targeted', age_min: 5, age_max: 18, gates: ['residence', 'registration_card', 'ehc_plan', 'benefit_dla', 'benefit_pip', 'professional_letter'],
      allowances: [{ min: 10, max: 50, unit: 'hours', per: 'year' }], cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] },
      source: { url: h.server.url + '/short-breaks-statement/2', kind: 'statement' },
    });

    const storedFacts: CuratedRecord[] = await h.store.factsOf(COUNCIL);
    const topics = storedFacts.map((f) => (f.kind === 'council_fact' ? f.topic : '')).sort();
    expect(topics).toEqual(['carers_assessment', 'complaints', 'direct_payment_rate', 'eligibility', 'eligibility', 'statement', 'statement', 'tier_model', 'transport']);
    const absent = storedFacts.filter((f) => f.kind === 'council_fact' && f.statement.startsWith('The statement does not mention'));
    expect(absent.map((f) => (f.kind === 'council_fact' ? f.topic : '')).sort()).toEqual(['carers_assessment', 'transport']);
  });
});
