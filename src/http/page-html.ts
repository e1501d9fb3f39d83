// How every HTML page is sent: the strict Content-Security-Policy and headers, the doctype; which requests want a
// page rather than JSON (a browser outside /api/ and /-/); and a page's query without tracking parameters.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../domain/errors.js';

export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The headers every HTML response carries: the pages' Content-Security-Policy (or one that is the same but for hashed styles). */
export function htmlHeaders(c: Context, csp = PAGE_CSP) {
  c.header('Content-Security-Policy', csp);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
}

/**
 * The pages' policy for a document that carries its own stylesheets inline (a pack, made to be saved and opened
 * offline): the same directives, with exactly those <style> blocks allowed by their SHA-256 and nothing else.
 */
export async function cspForInlineStyles(doc: string): Promise<string> {
  const hashes: string[] = [];
  for (const m of doc.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(m[1]!)));
    hashes.push(`'sha256-${btoa(String.fromCharCode(...digest))}'`);
  }
  return hashes.length ? PAGE_CSP.replace("style-src 'self'", `style-src 'self' ${hashes.join(' ')}`) : PAGE_CSP;
}

export function html(c: Context, body: string | Promise<string>, status: ContentfulStatusCode = 200) {
  htmlHeaders(c);
  return c.html(Promise.resolve(body).then((b) => `<!DOCTYPE html>${b}`), status);
}

/** A browser asking for a page: not the API or the system routes, and HTML accepted. */
export function wantsHtml(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/-/')) return false;
  return /\btext\/html\b/.test(c.req.header('Accept') ?? '');
}

/** Parameters that links from newsletters, social media and ads add: pages ignore them. */
export const isTracking = (key: string) => /^utm_/i.test(key) || ['fbclid', 'gclid', 'msclkid', 'dclid', 'mc_cid', 'mc_eid'].includes(key.toLowerCase());

/**
 * A page's query as single values, tracking parameters dropped; `known` lists what the page takes, and anything
 * else (or a parameter given twice) is an AppError usage naming it.
 */
export function pageQuery(c: Context, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.queries())) {
    if (isTracking(k)) continue;
    if (!known.includes(k)) throw new AppError('usage', `The page does not know the parameter "${k}".`, { field: k });
    if (v.length > 1) throw new AppError('usage', `"${k}" is given more than once.`, { field: k });
    out[k] = v[0]!;
  }
  return out;
}
