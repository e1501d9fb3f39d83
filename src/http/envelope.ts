// One success envelope and one error envelope for every route.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { jsonBytes } from './json-bytes.js';

export interface ErrorBody {
  ok: false;
  status: number;
  error: string;
  errors: Array<{ field?: string; message: string }>;
}

export const success = <T>(c: Context, data: T, meta: Record<string, unknown> = {}) => jsonBytes(c, { ok: true as const, data, meta });

export function failure(c: Context, status: ContentfulStatusCode, error: string, errors: ErrorBody['errors'] = []) {
  const body: ErrorBody = { ok: false, status, error, errors };
  return c.json(body, status);
}
