// The one configuration: read from the environment once, every value defaulted, flags laid over it.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawlerSettings, DEFAULT_DATABASE, readConfig, withFlags } from './config.js';
import { CURATION_DIR, PROJECT_ROOT } from './paths.js';

describe('configuration', () => {
  it('defaults every value, so an empty environment is a valid configuration', () => {
    expect(readConfig({})).toEqual({
      database: join(PROJECT_ROOT, 'data', 'sbb.sqlite'),
      snapshots: join(PROJECT_ROOT, 'data', 'snapshots'),
      writeToken: undefined,
      responseCache: true,
      chromium: '/usr/bin/chromium',
      contactUrl: undefined,
      curationDir: CURATION_DIR,
    });
    expect(DEFAULT_DATABASE).toBe(join(PROJECT_ROOT, 'data', 'sbb.sqlite'));
  });

  it('reads each SBB_ variable', () => {
    const c = readConfig({ SBB_DB: '/tmp/x/db.sqlite', SBB_WRITE_TOKEN: 't', SBB_RESPONSE_CACHE: 'off', SBB_CHROMIUM: '/opt/chrome', SBB_CONTACT_URL: 'https://me.example/', SBB_CURATION_DIR: '/tmp/cur' });
    expect(c).toEqual({ database: '/tmp/x/db.sqlite', snapshots: '/tmp/x/snapshots', writeToken: 't', responseCache: false, chromium: '/opt/chrome', contactUrl: 'https://me.example/', curationDir: '/tmp/cur' });
    expect(crawlerSettings(c).userAgent).toMatch(/\(\+https:\/\/me\.example\/;/);
    expect(crawlerSettings(readConfig({}))).toEqual({});
  });

  it('lays flags over it: --db moves the snapshots beside it unless --snapshots names a folder', () => {
    const base = readConfig({ SBB_DB: '/tmp/env.sqlite' });
    expect(withFlags(base, {})).toEqual(base);
    expect(withFlags(base, { db: 'other/db.sqlite' })).toMatchObject({ database: resolve('other/db.sqlite'), snapshots: resolve('other/snapshots') });
    expect(withFlags(base, { db: '/a/b.sqlite', snapshots: '/c/snaps' })).toMatchObject({ database: '/a/b.sqlite', snapshots: '/c/snaps' });
    expect(withFlags(base, { contactUrl: 'https://flag.example/' }).contactUrl).toBe('https://flag.example/');
  });
});
