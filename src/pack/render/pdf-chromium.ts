// Node only: prints pack HTML to tagged PDF with Debian's Chromium through playwright-core, with page numbers
// in the footer and bookmarks from the headings. One browser is launched on first use and reused.
import { chromium, type Browser } from 'playwright-core';
import { unavailable } from '../../domain/errors.js';
import { esc } from '../html.js';
import { pinPdfDates } from './pdf-dates.js';
import { DEFAULT_CHROMIUM } from './chromium-default.js';

export interface PdfRenderOptions {
  /** Shown in every page's footer beside the page number. */
  footer: string;
  /** Written into the PDF as its creation and modification date, so the same pack gives the same bytes. */
  date: Date;
}

export interface PdfRenderer {
  render(html: string, opts: PdfRenderOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Debian's Chromium; the configuration (src/node/config.ts, $SBB_CHROMIUM) may name another. */
export { DEFAULT_CHROMIUM };

export function launchChromium(executablePath = DEFAULT_CHROMIUM): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export function createChromiumPdfRenderer(options: { executablePath?: string } = {}): PdfRenderer {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM;
  let browser: Promise<Browser> | null = null;
  const get = () => {
    browser ??= launchChromium(executablePath).then(
      (b) => {
        // A browser that crashes or is killed is launched again on the next render.
        b.on('disconnected', () => {
          browser = null;
        });
        return b;
      },
      (e: Error) => {
        browser = null;
        throw unavailable(`cannot start Chromium at ${executablePath} (install it with: apt-get install chromium, or set SBB_CHROMIUM): ${e.message.split('\n')[0]}`, { cause: e });
      },
    );
    return browser;
  };
  return {
    async render(html, opts) {
      const context = await (await get()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        // The packs are self-contained: nothing may be fetched while printing.
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="width:100%;font-family:'Liberation Sans',Arial,sans-serif;font-size:9px;color:#333;padding:0 15mm;display:flex;justify-content:space-between"><span>${esc(opts.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
          margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
        });
        return pinPdfDates(new Uint8Array(pdf), opts.date);
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser.catch(() => null))?.close();
      browser = null;
    },
  };
}
