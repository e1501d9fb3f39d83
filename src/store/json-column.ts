// Lists and objects live in JSON text columns; these read them back without throwing on bad text.

export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

export function fromJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Null for SQL when a value is absent (D1 throws on undefined). */
export const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);
