// Character sets found from BOM, header or <meta>, with fallbacks.
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

describe('decodeText', () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

  it('uses the header charset', () => {
    expect(decodeText(latin1('£2 café'), 'text/html; charset=windows-1252')).toMatchObject({ text: '£2 café', charset: 'windows-1252', source: 'header' });
  });
  it('lets a BOM win over the header', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('£2')]);
    expect(decodeText(bytes, 'text/html; charset=windows-1252')).toMatchObject({ text: '£2', source: 'bom' });
  });
  it('reads <meta charset> when the header has none', () => {
    expect(decodeText(latin1('<meta charset="iso-8859-1"><p>£5 per day</p>'), 'text/html')).toMatchObject({ text: '<meta charset="iso-8859-1"><p>£5 per day</p>', source: 'meta' });
  });
  it('defaults to UTF-8', () => {
    expect(decodeText(utf8('£400 grant'), 'text/html')).toMatchObject({ text: '£400 grant', charset: 'utf-8', source: 'default' });
  });
  it('falls back to windows-1252 when bytes labelled UTF-8 are not UTF-8, and says so', () => {
    const r = decodeText(latin1('£2 per hour'), 'text/html; charset=utf-8');
    expect(r).toMatchObject({ text: '£2 per hour', charset: 'windows-1252', source: 'fallback' });
    expect(r.warning).toMatch(/does not fit the bytes/);
  });
  it('reads UTF-8 labelled as latin1 as UTF-8 rather than making "Â£"', () => {
    expect(decodeText(utf8('£2 per hour'), 'text/html; charset=iso-8859-1')).toMatchObject({ text: '£2 per hour', charset: 'utf-8', source: 'fallback' });
  });
  it('survives an unknown charset label', () => {
    expect(decodeText(utf8('hello'), 'text/html; charset=klingon')).toMatchObject({ text: 'hello', charset: 'utf-8', source: 'fallback' });
  });
});
