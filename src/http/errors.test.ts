// Errors are answered once, by the app's onError: each AppError kind has its status, the envelope carries the
// message and the problems, Retry-After follows retryAfterSeconds, and anything unexpected is a 500 without detail.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { AppError, type ErrorKind } from '../domain/errors.js';
import { errorResponse, STATUS_OF_KIND } from './errors.js';

const answering = (err: Error) => new Hono().get('/', () => Promise.reject(err)).onError(errorResponse).request('/');

describe('the error mapping', () => {
  it.each(Object.entries(STATUS_OF_KIND).filter(([kind]) => kind !== 'internal'))('answers %s with %i and the error envelope', async (kind, status) => {
    const res = await answering(new AppError(kind as ErrorKind, 'what went wrong', { field: 'weights' }));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ ok: false, status, error: 'what went wrong', errors: [{ field: 'weights', message: 'what went wrong' }] });
  });

  it('gives every problem, and Retry-After when trying again may help', async () => {
    const problems = [{ field: 'records[0].type', message: 'a' }, { field: 'records[2].id', message: 'b' }];
    const bad = await answering(new AppError('invalid', 'import rejected', { problems }));
    expect(await bad.json()).toMatchObject({ status: 400, errors: problems });
    const busy = await answering(new AppError('unavailable', 'the database is being rebuilt', { retryAfterSeconds: 29.5 }));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('30');
  });

  it("maps Hono's HTTPException to its status", async () => {
    const res = await answering(new HTTPException(413, { message: 'Payload Too Large' }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, status: 413, error: 'Payload Too Large', errors: [] });
  });

  it('answers an internal AppError or any other error with 500 and no detail, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const err of [new AppError('internal', 'SQL parameter 3 is undefined'), new TypeError('x is not a function')]) {
        const res = await answering(err);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ ok: false, status: 500, error: 'internal error', errors: [] });
      }
      expect(log).toHaveBeenCalledTimes(2);
    } finally {
      log.mockRestore();
    }
  });
});
