import { describe, expect, it } from 'vitest';
import { isBlockedAddress } from './address-guard.js';
import { hostAllowed, literalBlocked } from './host-patterns.js';

describe('host patterns', () => {
  it('refuses the IP literals the Node guard refuses, and leaves names to the network', () => {
    for (const ip of ['127.0.0.1', '10.0.0.5', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '[::1]'])
      expect([ip, literalBlocked(ip)]).toEqual([ip, true]);
    for (const ip of ['8.8.8.8', '172.32.0.1', '151.101.1.1', '2a00:1450::1']) {
      expect([ip, literalBlocked(ip)]).toEqual([ip, false]);
      expect(isBlockedAddress(ip)).toBe(false);
    }
    expect(literalBlocked('www.exampleshire.gov.uk')).toBeUndefined();
  });

  it('allows exact hosts and *.suffix patterns', () => {
    expect(hostAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(hostAllowed('a.fixture.test', ['*.fixture.test'])).toBe(true);
    expect(hostAllowed('fixture.test.evil', ['*.fixture.test'])).toBe(false);
  });
});
