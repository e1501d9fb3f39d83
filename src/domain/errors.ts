// The product's one error type: what went wrong (its kind), which input it was about, the problems found and the
// cause. Core code throws it in plain words; the HTTP app maps kinds to statuses and the CLI to exit codes, once each.

/** What kind of failure: decides the HTTP status (see src/http/errors.ts) and the CLI exit code (src/cli/main.ts). */
export type ErrorKind =
  /** The input is wrong: a value, a file, a record (HTTP 400, exit 1). */
  | 'invalid'
  /** The command or request was put together wrongly: an unknown flag or parameter, a missing argument (400, exit 2). */
  | 'usage'
  /** A thing the input names does not exist: a council, a run, a route (404, exit 1). */
  | 'not_found'
  /** The request clashes with the current state: a scrape already running, the database being rebuilt (409, exit 1). */
  | 'conflict'
  /** The caller has not shown the right credentials (401, exit 1). */
  | 'unauthorized'
  /** The caller may not do this here, e.g. writes on a server without a write token (403, exit 1). */
  | 'forbidden'
  /** The input is larger than accepted (413, exit 1). */
  | 'too_large'
  /** Something the product relies on is not there or not answering: a database file, a browser, a host (503, exit 1). */
  | 'unavailable'
  /** This runtime cannot do it, e.g. packs on Workers (501, exit 1). */
  | 'unsupported'
  /** A bug: shown without detail to users, logged with its cause (500, exit 1). */
  | 'internal';

/** One thing wrong with the input, naming the field (`weights`, `records[3].source_url`, `--council`). */
export interface Problem {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  /** The input the error is about, in the caller's terms where known (a query parameter, a record field). */
  field?: string;
  /** Every problem found, when there are several (an import's bad records); defaults to one naming `field`. */
  problems?: Problem[];
  /** The error this one explains; kept so logs and tests can see where it began. */
  cause?: unknown;
  /** A stable machine-readable code within the kind (a fetch failure's `timeout`, `blocked_address`, ...). */
  code?: string;
  /** Seconds after which trying again may succeed (sent as Retry-After). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | undefined;
  readonly problems: Problem[];
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ErrorKind, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.field = options.field;
    this.problems = options.problems ?? (options.field ? [{ field: options.field, message }] : []);
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The same error said of another field (a weights problem re-raised as the `weights` parameter), cause kept. */
  forField(field: string): AppError {
    if (this.field === field) return this;
    return new AppError(this.kind, this.message, {
      field,
      problems: this.problems.length <= 1 ? [{ field, message: this.message }] : this.problems,
      cause: this,
      code: this.code,
      retryAfterSeconds: this.retryAfterSeconds,
    });
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Shorthands for the common kinds: `invalid('weights', 'weights must add up to more than 0')`. */
export const invalid = (field: string | undefined, message: string, options: Omit<AppErrorOptions, 'field'> = {}) =>
  new AppError('invalid', message, { ...options, field });
export const notFound = (field: string | undefined, message: string, options: Omit<AppErrorOptions, 'field'> = {}) =>
  new AppError('not_found', message, { ...options, field });
export const conflict = (message: string, options: AppErrorOptions = {}) => new AppError('conflict', message, options);
export const unavailable = (message: string, options: AppErrorOptions = {}) => new AppError('unavailable', message, options);
