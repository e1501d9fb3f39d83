// A real server on 127.0.0.1 over a database built from data/, and a real Chromium to drive it, for one page test
// file: call at the top of the file; the object is filled in before the tests run and closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/pack/render/pdf-chromium.js';
import { servedBuiltDb } from './temp-db.js';

export function servedInChromium() {
  const ctx = servedBuiltDb({ readonly: true }) as ReturnType<typeof servedBuiltDb> & { browser: Browser };
  beforeAll(async () => {
    ctx.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await ctx.browser?.close();
  });
  return ctx;
}
