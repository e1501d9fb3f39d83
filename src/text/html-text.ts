// HTML to plain text: block elements as line breaks, entities decoded, mojibake repaired, whitespace collapsed.
import { load } from 'cheerio';
import { collapseSpace, CONTROL_CHARS, repairMojibake } from './clean-text.js';

/** Plain text of an HTML fragment: block elements become line breaks, entities decoded, mojibake repaired. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapseSpace(repairMojibake(html.replace(CONTROL_CHARS, '')));
  const $ = load(`<div id="__root">${html}</div>`);
  $('script, style, noscript').remove();
  $('br').replaceWith('\n');
  $('p, div, li, h1, h2, h3, h4, h5, h6, tr, dt, dd, section, article, ul, ol, table').each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  return collapseSpace(repairMojibake($('#__root').text().replace(CONTROL_CHARS, '')));
}
