// Web addresses from data: only http(s) ones are accepted as sources and only they ever become links.
import { z } from 'zod';

/** The scheme of a URL as written ("javascript:", "data:"), or a description when it has none. */
export function schemeOf(url: string): string {
  const m = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? `${m[1]!.toLowerCase()}:` : 'no scheme';
}

/** The URL as written when it is an absolute http: or https: URL; undefined for anything else (javascript:, data:, vbscript:, mailto:, relative). */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A URL field that accepts only http: and https:, with a message naming the field and the scheme found. */
export const httpUrlField = (field: string) =>
  z.string().superRefine((value, ctx) => {
    if (safeHref(value) !== undefined) return;
    const scheme = schemeOf(value);
    ctx.addIssue({ code: 'custom', message: `${field} must be an http: or https: URL (found ${scheme === 'no scheme' ? (value.trim() ? 'no scheme' : 'nothing') : `"${scheme}"`})` });
  });
