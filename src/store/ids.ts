// Stable identifiers: sources keyed by a hash of their URL, runs by time and randomness (Web Crypto, so Workers too).

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text);
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/** The id of a source: the same URL always gets the same id, on every machine. */
export async function sourceIdFor(url: string): Promise<string> {
  return `src_${(await sha256Hex(url.trim())).slice(0, 24)}`;
}

export function newRunId(kind: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `run_${kind}_${stamp}_${crypto.randomUUID().slice(0, 8)}`;
}
