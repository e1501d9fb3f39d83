// Content-Encoding with a cap: gzip, deflate and brotli undone, decompression bombs refused.
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding } from './decode-body.js';

describe('decodeContentEncoding', () => {
  const text = Buffer.from('<p>Short breaks £2 per hour</p>'.repeat(20));
  it.each([
    ['gzip', gzipSync(text)],
    ['br', brotliCompressSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['identity', text],
    ['', text],
  ])('undoes %s', (encoding, body) => {
    expect(decodeContentEncoding(body, encoding, 1 << 20, 'http://x.test/')).toEqual(text);
  });

  it('undoes stacked encodings in reverse order', () => {
    expect(decodeContentEncoding(brotliCompressSync(gzipSync(text)), 'gzip, br', 1 << 20, 'http://x.test/')).toEqual(text);
  });

  it('refuses output past the cap as a decompression bomb', () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024));
    expect(() => decodeContentEncoding(bomb, 'gzip', 1024 * 1024, 'http://x.test/')).toThrow(/decompression bomb/);
  });

  it('names an unknown encoding or a corrupt body', () => {
    expect(() => decodeContentEncoding(text, 'zstd', 1 << 20, 'http://x.test/')).toThrow(/unsupported Content-Encoding "zstd"/);
    expect(() => decodeContentEncoding(text, 'gzip', 1 << 20, 'http://x.test/')).toThrow(/not valid gzip/);
  });
});
