// Join codes and keys for workshop mode: codes short enough to read out (8 characters, no 0/O/1/I), keys long and
// random (crypto.getRandomValues), stored only as their SHA-256 and compared in time that does not depend on the key.
import { CODE_ALPHABET, CODE_LENGTH } from '../domain/workshop.js';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** A new join code (stored form, no dash): 32 letters and digits, so each random byte's low 5 bits pick one evenly. */
export function newJoinCode(): string {
  return [...random(CODE_LENGTH)].map((b) => CODE_ALPHABET[b & 31]).join('');
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A new key: a prefix that says what it is (wf_ facilitator, wp_ participant) and 256 random bits. */
export const newKey = (prefix: 'wf' | 'wp'): string => `${prefix}_${base64url(random(32))}`;

/** A short random id (participants, comments): 96 bits in hex. */
export const newId = (): string => [...random(12)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The SHA-256 of a key, in hex: the only form a key is stored in. */
export async function hashKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two hashes in time that does not depend on where they differ. */
export function sameHash(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
