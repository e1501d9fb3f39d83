// safeHref and the http(s) URL field: only absolute http: and https: URLs pass; the message names field and scheme.
import { describe, expect, it } from 'vitest';
import { httpUrlField, safeHref, schemeOf } from './urls.js';

describe('safeHref', () => {
  it('keeps http(s) URLs as written and refuses every other scheme', () => {
    expect(safeHref('https://exampleshire.example/a?b=1')).toBe('https://exampleshire.example/a?b=1');
    expect(safeHref('HTTP://exampleshire.example')).toBe('HTTP://exampleshire.example');
    for (const u of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.example', 'tel:0163', '/relative', 'https://', '', null, undefined])
      expect(safeHref(u), String(u)).toBeUndefined();
  });

  it('names the field and the scheme found', () => {
    expect(schemeOf('JavaScript:alert(1)')).toBe('javascript:');
    const r = httpUrlField('source.url').safeParse('data:text/html,<b>');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('source.url must be an http: or https: URL (found "data:")');
    expect(httpUrlField('url').safeParse('exampleshire.example').error!.issues[0]!.message).toMatch(/found no scheme/);
  });
});
