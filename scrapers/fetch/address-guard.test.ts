// Which addresses the crawler refuses, and how allowed hosts and DNS answers are checked at connect time.
import { describe, expect, it } from 'vitest';
import { guardedLookup, hostAllowed, isBlockedAddress } from './address-guard.js';

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.9', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['::1', true], ['fe80::1', true],
    ['fd12:3456::1', true], ['::ffff:127.0.0.1', true], ['::ffff:10.0.0.1', true], ['not-an-ip', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['151.101.1.1', false], ['2606:4700::1111', false], ['::ffff:8.8.8.8', false],
  ])('%s -> %s', (address, expected) => {
    expect(isBlockedAddress(address)).toBe(expected);
  });
});

describe('hostAllowed', () => {
  it('matches exact hosts and *.suffix patterns, case-insensitively', () => {
    expect(hostAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(hostAllowed('Council-1.TEST', ['*.test'])).toBe(true);
    expect(hostAllowed('test', ['*.test'])).toBe(false);
    expect(hostAllowed('evil.example', ['*.test'])).toBe(false);
    expect(hostAllowed('[::1]', ['::1'])).toBe(true);
  });
});

describe('guardedLookup', () => {
  const lookup = (allowed: string[], answers: string[]) => (host: string, all = false) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) =>
      guardedLookup(allowed, async () => answers)(host, { all }, (err, address) => resolve({ err, address })),
    );

  it('refuses a public-looking name that resolves to a private address (DNS rebinding)', async () => {
    const r = await lookup([], ['10.0.0.5'])('innocent.example');
    expect(r.err?.message).toMatch(/innocent\.example resolves to 10\.0\.0\.5: a private or special address, fetched only when the host is allowed/);
  });

  it('keeps only the public answers when DNS mixes public and private', async () => {
    const r = await lookup([], ['10.0.0.5', '93.184.216.34'])('mixed.example', true);
    expect(r.err).toBeNull();
    expect(r.address).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it('lets an allowed host resolve to loopback', async () => {
    const r = await lookup(['*.test'], ['127.0.0.1'])('council-001.test');
    expect(r).toEqual({ err: null, address: '127.0.0.1' });
  });
});
