// Errors a user can act on: shown as one clear message (no stack trace) with an exit code.
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
