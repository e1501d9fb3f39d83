// Query parameters, validated with zod: an unknown, repeated or malformed parameter is a 400 that names it.
// Reserved parameters start with "_" (Datasette's convention): _size, _next, _sort, _sort_desc, _facet.
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

/** Parameters that may be given more than once (each value is kept). */
const REPEATABLE = new Set(['_facet']);

export function readQuery<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const all = c.req.queries();
  const repeated = Object.entries(all).filter(([k, v]) => v.length > 1 && !REPEATABLE.has(k)).map(([k]) => k);
  if (repeated.length)
    throw new AppError('usage', `query parameter "${repeated[0]}" is given more than once`, { field: repeated[0], problems: repeated.map((k) => ({ field: k, message: 'give it once' })) });
  const flat = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, REPEATABLE.has(k) ? v : v[0]]));
  const parsed = schema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const unknown = parsed.error.issues.some((i) => i.code === 'unrecognized_keys');
  const problems = parsed.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return { field: i.keys.join(','), message: 'unknown query parameter' };
    return { field: String(i.path[0] ?? 'query'), message: i.message };
  });
  const first = problems[0]!;
  throw new AppError(unknown ? 'usage' : 'invalid', `invalid query parameter "${first.field}": ${first.message}`, { field: first.field, problems });
}

/** No query parameters at all. */
export const noQuery = z.object({}).strict();

export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`));

export const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]], { message: `one of ${values.join(', ')}` });

/** A council as any key the one council lookup takes: GSS code, previous GSS code, LA number or name. */
export const councilParam = z.string().trim().min(1, 'a council: GSS code (E10000017), LA number (888) or name').max(100, 'a council: GSS code (E10000017), LA number (888) or name');

/** The catalogue's description of a council in a path (/api/councils/{code}, /api/compare/{code}, ...). */
export const CODE_PARAM = { code: { description: 'GSS code (E10000017), previous GSS code or DfE LA number (888)', example: 'E10000017' } };
