// The PDF statement adapter: page-numbered evidence, rejoined lines, headings by size, unreadable files as clear problems.
import { passwordProtectedPdf } from '../../test/support/pdf-samples.js';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { CouncilFact, Offer } from '../../src/domain/index.js';
import { startHarness, type Harness } from '../../test/support/crawl-harness.js';
import { makeStatementPdf } from '../../test/fixtures/sites/statement/make-pdf.js';
import type { PageInput, PageOutput } from './adapter.js';
import { pdfStatementAdapter, sectionsFromLines } from './pdf-statement.js';
import { createAdapterRegistry } from './registry.js';
import { statementAdapter } from './statement.js';

const PDF = new Uint8Array(readFileSync(new URL('../../test/fixtures/sites/statement/statement.pdf', import.meta.url)));
const URL_PDF = 'https://www.testford.example/documents/testford-short-breaks-statement.pdf';
const COUNCIL = 'E10000017';

const pageOf = (bytes: Uint8Array, contentType = 'application/pdf'): PageInput => ({
  url: URL_PDF, finalUrl: URL_PDF, status: 200, contentType, text: undefined, bytes, label: 'pdf', retrieved: '2026-01-02',
  source: { id: 'src_pdf', url: URL_PDF, council_code: COUNCIL, kind: 'other', platform: null, adapter: 'pdf_statement', title: null, notes: null },
});
const offers = (out: PageOutput) => out.records.filter((r): r is Offer => r.kind === 'offer');
const facts = (out: PageOutput) => out.records.filter((r): r is CouncilFact => r.kind === 'council_fact');
const strip = ({ note: _note, ...rest }: { note?: string }) => rest;

describe('pdf statement adapter: Testford (synthetic), a 3-page PDF', async () => {
  const out = await pdfStatementAdapter.parse(pageOf(PDF));

  it('is the PDF make-pdf.ts writes (the committed file is up to date)', async () => {
    const fresh = await makeStatementPdf();
    const again = await pdfStatementAdapter.parse(pageOf(fresh));
    expect(again.records).toEqual(out.records);
  });

  it('reads it without problems and follows nothing', () => {
    expect([out.layout, out.problems, out.links]).toEqual(['ok', [], []]);
    expect(offers(out).map((o) => [o.name, o.access_tier])).toEqual([
      ['Holiday play schemes', 'universal'], ['Saturday clubs', 'targeted'], ['Overnight short breaks', 'specialist'],
    ]);
  });

  it('rejoins the sentence broken across lines, so the charge is read, and quotes it with its page', () => {
    const holiday = offers(out).find((o) => o.name === 'Holiday play schemes')!;
    expect(holiday).toMatchObject({
      id: 'pdf_statement:e10000017:documents-testford-short-breaks-statement.pdf-holiday-play-schemes',
      age_min: 5, age_max: 17, age_note: 'aged 5-17', gates: [], allowances: [],
      cost: { status: 'charged', charges: [{ amount_gbp: 4.5, per: 'session', note: '£4.50 per session' }], note: 'p. 1: Sessions cost £4.50 per session.' },
      source: { url: URL_PDF, kind: 'statement', platform: 'pdf' },
    });
    expect(holiday.evidence_quote).toBe(
      'p. 1: Holiday play schemes run in the Easter and summer holidays for children aged 5-17. They are open to all children and there is no referral. Sessions cost £4.50 per session.',
    );
    expect(holiday.description).toBe('Holiday play schemes run in the Easter and summer holidays for children aged 5-17.\nThey are open to all children and there is no referral.\nSessions cost £4.50 per session.');
  });

  it('page 2: the Saturday clubs and overnight short breaks, field by field', () => {
    const clubs = offers(out).find((o) => o.name === 'Saturday clubs')!;
    // Its own gates, plus page 1's "who live in Testford", which is said of every short break.
    expect(clubs).toMatchObject({ access_tier: 'targeted', gates: ['ehc_plan', 'benefit_dla', 'residence'], cost: { status: 'charged' } });
    expect(clubs.allowances.map(strip)).toEqual([{ max: 12, unit: 'sessions', per: 'year' }]);
    expect(clubs.cost.charges.map(strip)).toEqual([{ amount_gbp: 3, per: 'session' }]);
    expect(clubs.evidence_quote).toMatch(/^p\. 2: Saturday clubs are for children with an EHC plan or who get the middle or higher rate of DLA\. You can self-refer\./);
    const overnight = offers(out).find((o) => o.name === 'Overnight short breaks')!;
    expect(overnight).toMatchObject({ access_tier: 'specialist', gates: ['social_care_assessment', 'residence'], cost: { status: 'unknown', charges: [] } });
    expect(overnight.allowances.map(strip)).toEqual([{ max: 24, unit: 'nights', per: 'year' }]);
    expect(overnight.evidence_quote).toBe('p. 2: Overnight short breaks at Oak House (a synthetic unit) need an assessment by a social worker. Children can have up to 24 nights a year.');
  });

  it('records eligibility, transport and the carer’s assessment with page numbers, and that complaints are not mentioned', () => {
    const byTopic = new Map(facts(out).map((f) => [f.topic, f]));
    expect([...byTopic.keys()].sort()).toEqual(['carers_assessment', 'complaints', 'eligibility', 'transport']);
    expect(byTopic.get('eligibility')!.evidence_quote).toBe('p. 1: Children and young people aged 0 to 18 who live in Testford and have a disability can use our short breaks.');
    expect(byTopic.get('transport')!.evidence_quote).toBe('p. 3: We can help with transport to and from overnight short breaks when a family cannot get there.');
    expect(byTopic.get('carers_assessment')!.evidence_quote).toBe("p. 3: Every parent carer has the right to a carer's assessment of their own needs.");
    expect(byTopic.get('complaints')).toMatchObject({
      id: 'statement:e10000017:complaints:not-mentioned-documents-testford-short-breaks-statement-pdf',
      statement: 'The statement does not mention complaints.', source: { url: URL_PDF, kind: 'statement' }, confidence: 0.6,
    });
    expect(byTopic.get('complaints')!.retrieved_note).toContain('the 3 page(s)');
  });
});

describe('pdf statement adapter: files it cannot read', () => {
  it('says a file that is not a PDF is not a PDF', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>Sorry, this document has moved.</body></html>');
    const out = await pdfStatementAdapter.parse(pageOf(html, 'text/html'));
    expect(out).toEqual({ records: [], links: [], layout: 'changed', problems: ['not a PDF: the file does not start with %PDF- (it starts "<!doctype html><html><body>Sorry, this d")'] });
    expect((await pdfStatementAdapter.parse(pageOf(new Uint8Array()))).problems).toEqual(['the file is empty (0 bytes), not a PDF']);
  });

  it('says a PDF with no text layer (a blank or scanned page) has none', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const out = await pdfStatementAdapter.parse(pageOf(await doc.save()));
    expect(out).toMatchObject({ records: [], links: [], layout: 'changed' });
    expect(out.problems[0]).toMatch(/^the PDF has no text layer \(1 page\(s\), 0 characters of text\)/);
  });

  it('says a password-protected PDF cannot be read', async () => {
    const out = await pdfStatementAdapter.parse(pageOf(passwordProtectedPdf()));
    expect(out).toEqual({ records: [], links: [], layout: 'changed', problems: ['the PDF is encrypted with a password, so its text cannot be read'] });
  });

  it('says a damaged PDF cannot be read, without throwing', async () => {
    const out = await pdfStatementAdapter.parse(pageOf(new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF')));
    expect(out.layout).toBe('changed');
    expect(out.problems[0]).toMatch(/PDF/);
  });

  it('leaves the fetched bytes as they were', async () => {
    const copy = PDF.slice();
    await pdfStatementAdapter.parse(pageOf(copy));
    expect(copy).toEqual(PDF);
  });
});

describe('sectionsFromLines', () => {
  it('joins broken lines, keeps paragraphs, merges a two-line heading and carries a section over a page break', () => {
    const line = (text: string, size: number, y: number) => ({ text, size, y });
    const sections = sectionsFromLines(
      [
        [line('Short breaks for disabled', 16, 800), line('children', 16, 780), line('Our clubs run on', 11, 750), line('Saturdays. Self-', 11, 737), line('referral is welcome.', 11, 724), line('New paragraph here.', 11, 690), line('Overnight', 16, 650)],
        [line('stays need an assessment by a social worker.', 11, 800)],
      ],
      'Statement',
    );
    expect(sections).toEqual([
      { heading: 'Short breaks for disabled children', level: 1, text: 'Our clubs run on Saturdays. Self-referral is welcome.\nNew paragraph here.', page: 1 },
      { heading: 'Overnight', level: 1, text: 'stays need an assessment by a social worker.', page: 2 },
    ]);
  });
});

describe('pdf statement adapter: a crawl', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('stores the offers and facts of a PDF statement fetched over HTTP', async () => {
    h = await startHarness();
    h.server.route('/documents/testford-short-breaks-statement.pdf', { kind: 'static', body: Buffer.from(PDF), headers: { 'content-type': 'application/pdf' } });
    const result = await h.scrape([], {
      urls: [{ url: h.server.url + '/documents/testford-short-breaks-statement.pdf', councilCode: COUNCIL, adapter: 'statement' }],
      adapters: createAdapterRegistry([statementAdapter, pdfStatementAdapter]),
    });
    expect(result.sources[0]).toMatchObject({ status: 'ok', pages: 1, records: 7 });
    expect((await h.store.offersOf(COUNCIL)).map((o) => o.name).sort()).toEqual(['Holiday play schemes', 'Overnight short breaks', 'Saturday clubs']);
    expect((await h.store.factsOf(COUNCIL)).map((f) => f.topic).sort()).toEqual(['carers_assessment', 'complaints', 'eligibility', 'transport']);
  });
});
