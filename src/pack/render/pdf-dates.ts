// Makes Chromium's PDFs reproducible: its creation and modification dates are overwritten in place, byte for
// byte (so the cross-reference offsets stay right), with the pack's data date.

/** "D:YYYYMMDDHHmmSS" for a date, in UTC. */
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function pinPdfDates(pdf: Uint8Array, date: Date): Uint8Array {
  const out = new Uint8Array(pdf);
  const stamp = new TextEncoder().encode(pdfDate(date));
  for (const key of ['/CreationDate (', '/ModDate (']) {
    const needle = new TextEncoder().encode(key);
    // The Info dictionary sits near the end of Chromium's PDFs; search from the back half first.
    let at = indexOf(out, needle, Math.max(0, out.length - 4096));
    if (at < 0) at = indexOf(out, needle, 0);
    if (at < 0) continue;
    const start = at + needle.length;
    if (out[start] === 0x44 /* D */ && out[start + 1] === 0x3a /* : */) out.set(stamp, start);
  }
  return out;
}
