// CSV output: quoting per RFC 4180, missing as empty, and no spreadsheet formula injection from scraped text.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines so the text reads back the same', () => {
    const rows = [{ a: 'plain', b: 'with, comma', c: 'say "hi"\nnext line' }];
    expect(parse(toCsv(rows), { columns: true })).toEqual(rows);
  });

  it('writes null and missing as empty cells, never zero', () => {
    expect(toCsv([{ a: null, b: undefined, c: 0 }], ['a', 'b', 'c'])).toBe('a,b,c\r\n,,0\r\n');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const out = parse(toCsv([{ name: '=HYPERLINK("http://evil.example","x")', n: -3 }]), { columns: true }) as Array<Record<string, string>>;
    expect(out[0]!.name!.startsWith("'=")).toBe(true);
    expect(out[0]!.n).toBe('-3');
  });
});
