// Finds a body's character set (BOM, Content-Type header, <meta>, XML declaration) and decodes it to text.

export type CharsetSource = 'bom' | 'header' | 'meta' | 'default' | 'fallback';

export interface DecodedText {
  text: string;
  charset: string;
  source: CharsetSource;
  /** Set when the declared charset did not fit the bytes and windows-1252 was used instead. */
  warning?: string;
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function headerCharset(contentType: string | undefined | null): string | undefined {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

function sniffedCharset(b: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1]?.toLowerCase();
}

function tryDecode(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

const SINGLE_BYTE = new Set(['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'iso-8859-15', 'cp1252']);

const hasNonAscii = (b: Uint8Array) => b.some((x) => x >= 0x80);

/** Decodes bytes; an unknown or wrong declared charset falls back to windows-1252 (what browsers do), with a warning. */
export function decodeText(bytes: Uint8Array, contentType: string | undefined | null): DecodedText {
  const candidates: Array<[string | undefined, CharsetSource]> = [
    [bomCharset(bytes), 'bom'],
    [headerCharset(contentType), 'header'],
    [sniffedCharset(bytes), 'meta'],
  ];
  const [declared, source] = candidates.find(([c]) => c !== undefined) ?? ['utf-8', 'default'];
  const charset = declared === 'utf8' ? 'utf-8' : declared!;
  if (SINGLE_BYTE.has(charset) && hasNonAscii(bytes)) {
    // Valid multi-byte UTF-8 labelled as a single-byte charset is mislabelled UTF-8 (reading it as labelled gives "Â£").
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'fallback', warning: `declared charset "${charset}" (${source}) but the bytes are UTF-8` };
  }
  const text = tryDecode(bytes, charset);
  if (text !== undefined) return { text, charset, source };
  if (charset !== 'utf-8' && source !== 'default') {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'fallback', warning: `declared charset "${charset}" (${source}) does not fit the bytes; they read as UTF-8` };
  }
  return {
    text: new TextDecoder('windows-1252').decode(bytes),
    charset: 'windows-1252',
    source: 'fallback',
    warning: `declared charset "${charset}" (${source}) does not fit the bytes; read as windows-1252`,
  };
}

/** Whether a Content-Type is text the crawler should decode (HTML, XML, JSON, plain text, CSV). */
export function isTextual(contentType: string | undefined | null): boolean {
  const t = (contentType ?? '').toLowerCase();
  return t === '' || t.startsWith('text/') || /(json|xml|javascript|csv)/.test(t);
}
