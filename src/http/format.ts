// Output formats chosen by a .json or .csv suffix on the resource path (Datasette's convention).

export type Format = 'json' | 'csv';

/** Splits "E10000017.csv" into the key and its format; no suffix means JSON. */
export function splitFormat(segment: string): { key: string; format: Format | undefined } {
  const m = /^(.*)\.(json|csv)$/i.exec(segment);
  if (!m) return { key: segment, format: 'json' };
  return { key: m[1]!, format: m[2]!.toLowerCase() as Format };
}
