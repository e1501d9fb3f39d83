// The JSON of a compare answer, the very text JSON.stringify gives, with the parts a group shares between weightings
// (context, explanations, metric definitions, the council, each member's metrics and dimension scores) turned into
// text once per object: new weights for a group asked before then serialise only what the weights change.
import type { CompareResult } from '../scoring/compare.js';

type Part = (v: unknown) => string | undefined;

/**
 * Text of the objects a compare result shares with others: the council and the metric definitions always; the
 * parts of a group kept between asks (context, explanations, members' metrics and dimension scores; see
 * src/scoring/group-parts.ts, which keeps them per prepared model and group and hands them out to be read, never
 * changed) once the same parts come back. The text of an object is then the same every time it is asked for.
 */
const TEXT = new WeakMap<object, string>();
const shared: Part = (v) => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  let text = TEXT.get(v);
  if (text === undefined) TEXT.set(v, (text = JSON.stringify(v)));
  return text;
};
/**
 * Group parts (known by their context rows) seen once. Parts seen for the first time may be a group asked once,
 * never kept: they are written whole, as JSON.stringify would, and their objects not remembered, so that a stream
 * of new groups costs neither a walk nor a weak map entry per object (which the garbage collector would visit).
 */
const SEEN = new WeakSet<object>();

/** An object as JSON.stringify writes it (own enumerable keys in order, undefined and functions left out), each value through `partOf(key)`. */
function objectJson(o: unknown, partOf: (key: string) => Part | undefined): string | undefined {
  if (o === null || typeof o !== 'object' || Array.isArray(o) || typeof (o as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(o);
  let out = '';
  for (const key of Object.keys(o)) {
    const text = (partOf(key) ?? JSON.stringify)((o as Record<string, unknown>)[key]);
    if (text !== undefined) out += `${out ? ',' : ''}${JSON.stringify(key)}:${text}`;
  }
  return `{${out}}`;
}

/** An array as JSON.stringify writes it (undefined as null), each item through `part`. */
function arrayJson(a: unknown, part: Part): string | undefined {
  if (!Array.isArray(a) || typeof (a as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(a);
  return `[${a.map((x) => part(x) ?? 'null').join(',')}]`;
}

const member: Part = (m) => objectJson(m, (key) => (key === 'metrics' || key === 'dimensions' ? shared : undefined));
const ALWAYS_SHARED = new Set(['metric_definitions', 'council']);
const result = (r: CompareResult): string | undefined => {
  const parts = r.context;
  const again = TEXT.has(parts) || SEEN.has(parts);
  if (!again) SEEN.add(parts);
  return objectJson(r, (key) => {
    if (ALWAYS_SHARED.has(key)) return shared;
    if (!again) return undefined;
    if (key === 'members') return (ms) => arrayJson(ms, member);
    if (key === 'explanations') return (e) => objectJson(e, () => shared);
    return key === 'context' ? shared : undefined;
  });
};

/** `JSON.stringify({ ok: true, data: r, meta })`, the success envelope of a compare answer, character for character. */
export function compareEnvelopeJson(r: CompareResult, meta: Record<string, unknown>): string {
  return objectJson({ ok: true, data: r, meta }, (key) => (key === 'data' ? (v) => result(v as CompareResult) : undefined))!;
}
