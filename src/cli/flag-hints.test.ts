// The command line's words on top of core messages: which flag lets a refused private host be fetched.
import { describe, expect, it } from 'vitest';
import { withFlagHint } from './flag-hints.js';

describe('withFlagHint', () => {
  it('names --allow-host and the host for a refused private address', () => {
    expect(withFlagHint('10.0.0.5 is a private or special address, fetched only when the host is allowed', 'http://10.0.0.5/short-breaks')).toBe(
      '10.0.0.5 is a private or special address, fetched only when the host is allowed (allow it with --allow-host 10.0.0.5)',
    );
  });
  it('takes the host from the reason when there is no URL', () => {
    expect(withFlagHint('home page: 127.0.0.1 is a private or special address, fetched only when the host is allowed')).toMatch(/\(allow it with --allow-host 127\.0\.0\.1\)$/);
    expect(withFlagHint('innocent.example resolves to 10.0.0.5: a private or special address, fetched only when the host is allowed')).toMatch(/--allow-host innocent\.example\)$/);
  });

  it('leaves every other reason as the crawler gave it', () => {
    expect(withFlagHint('HTTP 404', 'https://council.example/x')).toBe('HTTP 404');
  });
});
