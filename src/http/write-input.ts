// What a write must bring before it runs: the bearer token (writes are off without one on the server), an
// implementation on this runtime, and a JSON body within its size.
import type { Context } from 'hono';
import { AppError, invalid } from '../domain/errors.js';
import type { AppEnv } from './app-env.js';
import type { WriteActions } from './runtime.js';

/** Compares in time that does not depend on where the strings differ. */
export function sameToken(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) diff |= (ea[i] ?? 0) ^ (eb[i] ?? 0);
  return diff === 0;
}

/** The write actions, once the request shows the server's bearer token. */
export function authorise(c: Context<AppEnv>): WriteActions {
  const options = c.get('runtime').writes;
  if (!options.token) throw new AppError('forbidden', 'writes are off on this server: set SBB_WRITE_TOKEN to turn them on', { problems: [{ field: 'authorization', message: 'writes are off' }] });
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '');
  if (!m || !sameToken(m[1]!, options.token)) {
    c.header('WWW-Authenticate', 'Bearer realm="sbb writes"');
    throw new AppError('unauthorized', 'a write needs the bearer token: Authorization: Bearer <token>', { problems: [{ field: 'authorization', message: m ? 'the token is wrong' : 'missing bearer token' }] });
  }
  if (!options.actions)
    throw new AppError('unsupported', 'writes are not available on this runtime: run them where Node runs (sbb serve, sbb import, sbb scrape)', { problems: [{ field: 'runtime', message: 'not available' }] });
  return options.actions;
}

const tooLarge = (message: string) => new AppError('too_large', message, { problems: [{ field: 'body', message: 'too large' }] });

/** The body as JSON: application/json, at most `max` bytes. */
export async function jsonBody(c: Context, max: number): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new AppError('invalid', 'send the body as application/json', { code: 'unsupported_media_type', problems: [{ field: 'content-type', message: `got "${type || 'none'}"` }] });
  const length = Number(c.req.header('Content-Length') ?? 0);
  if (length > max) throw tooLarge(`the body is ${length} bytes; at most ${max}`);
  const text = await c.req.text();
  if (text.length > max) throw tooLarge(`the body is over ${max} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw invalid(undefined, `the body is not JSON: ${(e as Error).message}`, { cause: e, problems: [{ field: 'body', message: 'not JSON' }] });
  }
}
