// Undoes Content-Encoding (gzip, deflate, br) with a cap on the output, so a decompression bomb fails fast.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { fetchError } from './fetch-error.js';

const decoders: Record<string, (buf: Buffer, max: number) => Buffer> = {
  gzip: (b, max) => gunzipSync(b, { maxOutputLength: max }),
  'x-gzip': (b, max) => gunzipSync(b, { maxOutputLength: max }),
  br: (b, max) => brotliDecompressSync(b, { maxOutputLength: max }),
  deflate: (b, max) => {
    try {
      return inflateSync(b, { maxOutputLength: max });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw e;
      return inflateRawSync(b, { maxOutputLength: max }); // some servers send raw deflate
    }
  },
};

/** Decodes a body by its Content-Encoding list (applied in order, so undone in reverse). */
export function decodeContentEncoding(body: Buffer, contentEncoding: string | undefined, maxBytes: number, url: string): Buffer {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const decode = decoders[coding];
    if (!decode) throw fetchError('bad_encoding', `unsupported Content-Encoding "${coding}"`, url);
    try {
      out = decode(out, maxBytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
        throw fetchError('decompression_bomb', `${coding} body inflates past ${maxBytes} bytes (from ${body.length} bytes): refused as a decompression bomb`, url);
      throw fetchError('bad_encoding', `body is not valid ${coding}: ${(e as Error).message}`, url);
    }
  }
  return out;
}
