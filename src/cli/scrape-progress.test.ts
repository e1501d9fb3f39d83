// The command line adds its own words to the crawler's: which flag lets a refused private host be fetched.
import { describe, expect, it } from 'vitest';
import { withFlagHint } from './scrape-progress.js';

describe('withFlagHint', () => {
  it('names --allow-host and the host for a refused private address', () => {
    expect(withFlagHint('10.0.0.5 is a private or special address, fetched only when the host is allowed', 'http://10.0.0.5/short-breaks')).toBe(
      '10.0.0.5 is a private or special address, fetched only when the host is allowed (allow it with --allow-host 10.0.0.5)',
    );
  });
  it('leaves every other reason as the crawler gave it', () => {
    expect(withFlagHint('HTTP 404', 'https://council.example/x')).toBe('HTTP 404');
  });
});
