// Contact details as pages write them: email addresses, phone numbers and web addresses.
import { oneLine } from './numbers.js';

export const isHttpUrl = (s: string | undefined): s is string => !!s && /^https?:\/\/[^\s/]+/i.test(s);
export const isEmail = (s: string | undefined): s is string => !!s && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/** An email address from a mailto: link or the text. */
export function emailOf(href: string | undefined, text?: string): string | undefined {
  const fromHref = href && /^mailto:/i.test(href) ? decodeURIComponent(href.slice(7).split('?')[0]!) : undefined;
  return (fromHref || /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[a-z]{2,}/i.exec(text ?? '')?.[0])?.trim() || undefined;
}

/** A phone number as written, without a "Tel:" label; undefined when the text has no digits. */
export function phoneOf(text: string | undefined): string | undefined {
  const t = oneLine(text ?? '').replace(/^(?:tel(?:ephone)?|phone|t)\s*[:.]?\s*/i, '');
  return /\d{3}/.test(t) ? t : undefined;
}

/** Phone numbers from several texts, the same number (by its digits) once, joined with ", ". */
export function phonesOf(values: readonly string[]): string | undefined {
  const seen = new Map<string, string>();
  for (const v of values)
    for (const part of v.split(/[,;\n]|\s\/\s/)) {
      const t = part.trim();
      const digits = t.replace(/\D/g, '');
      if (digits.length >= 6 && !seen.has(digits)) seen.set(digits, t);
    }
  return seen.size ? [...seen.values()].join(', ') : undefined;
}

/** An absolute http(s) URL (a bare "www." address gets https://), or undefined. */
export function webUrlOf(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  const h = href.trim().replace(/^(?=www\.)/i, 'https://');
  try {
    const u = new URL(h, base);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}
