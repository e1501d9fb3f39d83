// The join link's QR code is an image with a name that says what it encodes, escaped.
import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr-svg.js';

describe('qrSvg', () => {
  it('draws an SVG image titled with the link it encodes', () => {
    const svg = qrSvg('https://example.test/w/ABCD-EFGH?a=1&b=<2>');
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="join-qr-title" class="qr" id="join-qr" /);
    expect(svg).toContain('<title id="join-qr-title">QR code for the join link https://example.test/w/ABCD-EFGH?a=1&amp;b=&lt;2&gt;</title>');
    expect(svg).toMatch(/<path [^>]*d="M/);
  });
});
