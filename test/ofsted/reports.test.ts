// The area SEND report reader on all 25 real reports: area, dates and outcome exactly as a person read them, and
// the short-break sentences against a hand-made list (recall at least 90%, no more than 10% extra).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAreaMatcher, normaliseAreaName } from '../../scrapers/ofsted/area-match.js';
import { readAreaSendReport, type AreaSendReport } from '../../scrapers/ofsted/read-report.js';
import { loadReferenceBundle } from '../../src/node/data-files.js';
import { REPORTS_DIR } from '../../src/node/paths.js';
import { syntheticReportPdf } from '../support/area-send-report-pdf.js';

interface Expected {
  file: string;
  area_in_report: string;
  council_code: string;
  inspection_start: string;
  inspection_end: string;
  previous_inspection_start: string | null;
  previous_inspection_end: string | null;
  publication_date: string | null;
  outcome_code: 1 | 2 | 3;
  outcome_label: string;
  next_full_inspection: string | null;
  monitoring_inspection: string | null;
}
const fixture = (f: string) => JSON.parse(readFileSync(new URL(`../fixtures/ofsted/${f}`, import.meta.url), 'utf8'));
const expected: Expected[] = [...fixture('expected-reports-a.json'), ...fixture('expected-reports-b.json')];
const handList: Array<{ file: string; sentences: Array<{ page: number; section: string; polarity: string; text: string }> }> = fixture('expected-sentences.json');

const councils = loadReferenceBundle().councils;
const match = createAreaMatcher(councils);
const cache = new Map<string, Promise<AreaSendReport>>();
const read = (file: string) => {
  if (!cache.has(file)) cache.set(file, readAreaSendReport(new Uint8Array(readFileSync(join(REPORTS_DIR, file))), file, match));
  return cache.get(file)!;
};
const same = (s: string) => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").trim();

describe('area SEND reports: what page 1 says', () => {
  it('has a hand-read expectation for every one of the 25 shipped reports', () => {
    expect(expected).toHaveLength(25);
  });

  it.each(expected)('$file', async (e) => {
    const r = await read(e.file);
    expect(normaliseAreaName(r.area_in_report)).toBe(normaliseAreaName(e.area_in_report));
    expect({
      council_code: r.council_code, inspection_start: r.inspection_start, inspection_end: r.inspection_end,
      previous_inspection_start: r.previous_inspection_start, previous_inspection_end: r.previous_inspection_end,
      publication_date: r.publication_date, outcome_code: r.outcome_code, outcome_label: r.outcome_label,
      next_full_inspection: r.next_full_inspection, monitoring_inspection: r.monitoring_inspection,
    }).toEqual({
      council_code: e.council_code, inspection_start: e.inspection_start, inspection_end: e.inspection_end,
      previous_inspection_start: e.previous_inspection_start, previous_inspection_end: e.previous_inspection_end,
      publication_date: e.publication_date, outcome_code: e.outcome_code, outcome_label: e.outcome_label,
      next_full_inspection: e.next_full_inspection, monitoring_inspection: e.monitoring_inspection,
    });
  });
});

describe('area SEND reports: short-break sentences against the hand-made list', () => {
  it('finds at least 90% of them with no more than 10% extra, as whole sentences with page and section', async () => {
    let listed = 0;
    let found = 0;
    let reported = 0;
    let extra = 0;
    let polarityAgrees = 0;
    for (const h of handList) {
      const r = await read(h.file);
      reported += r.findings.length;
      for (const s of h.sentences) {
        listed++;
        const f = r.findings.find((x) => same(x.text) === same(s.text));
        if (!f) continue;
        found++;
        expect(f.page, s.text).toBe(s.page);
        expect(f.section, s.text).toBe(s.section);
        if (f.polarity === s.polarity) polarityAgrees++;
      }
      extra += r.findings.filter((f) => !h.sentences.some((s) => same(s.text) === same(f.text))).length;
    }
    expect(handList.length).toBeGreaterThanOrEqual(5);
    expect(found / listed).toBeGreaterThanOrEqual(0.9);
    expect(extra / reported).toBeLessThanOrEqual(0.1);
    expect(polarityAgrees / found).toBeGreaterThanOrEqual(0.8);
  });

  it('reads Lancashire\'s two short-break sentences as weaknesses, with the cue that decided it', async () => {
    const r = await read('80480_lancashire_12-february-2025.pdf');
    expect(r.findings.map((f) => [f.page, f.topic, f.polarity, f.cue])).toEqual([
      [3, 'short_breaks', 'weakness', 'not all'],
      [3, 'direct_payments', 'weakness', 'challenges'],
    ]);
    expect(r.findings[0]!.text).toBe('There is a range of specialist short breaks available to children, young people and their families across Lancashire, although not all children and young people can access them.');
  });

  it('rejoins a sentence broken across lines and keeps bullets apart', async () => {
    const r = await read('80473_hartlepool_16-may-2023.pdf');
    for (const f of r.findings) {
      expect(f.text).not.toMatch(/\n| {2}/);
      expect(f.text).not.toMatch(/◼/);
      expect(f.text).toMatch(/[.!?’”)]$/);
    }
  });
});

describe('area SEND reports: an area that matches no council', () => {
  it('still reads the outcome, dates and findings, with the council null and the problem said', async () => {
    const r = await readAreaSendReport(await syntheticReportPdf('Atlantis'), 'atlantis.pdf', match);
    expect(r).toMatchObject({
      area_in_report: 'Atlantis', council_code: null, inspection_start: '2024-12-09', inspection_end: '2024-12-13',
      previous_inspection_start: '2019-07-03', outcome_code: 1, problems: ['the local area "Atlantis" does not match any council'],
    });
    expect(r.findings.map((f) => f.topic)).toContain('short_breaks');
  });

  it('matches "Durham" to County Durham', async () => {
    const r = await readAreaSendReport(await syntheticReportPdf('Durham'), 'durham.pdf', match);
    expect(r).toMatchObject({ council_code: 'E06000047', problems: [] });
  });

  it('every real report matches its council with no problem', async () => {
    for (const e of expected) expect((await read(e.file)).problems, e.file).toEqual([]);
  });
});
