// A join link as a QR code drawn in SVG (uqr, pure ESM, so Node and Workers draw the same bytes), with a title and an
// accessible name that say what it is and where it leads, since a screen reader cannot read the squares.
import { renderSVG } from 'uqr';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** The QR code of `url` as an <svg role="img"> whose <title> and aria-label name the link it encodes. */
export function qrSvg(url: string, id = 'join-qr'): string {
  const svg = renderSVG(url, { ecc: 'M', border: 2 });
  const label = `QR code for the join link ${url}`;
  return svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-title" class="qr" id="${id}" `).replace(/(<svg[^>]*>)/, `$1<title id="${id}-title">${esc(label)}</title>`);
}
