// Parsers for numeric CLI options that reject a wrong value with a usage error naming the flag.
import { UserError } from '../domain/errors.js';

export const intOption = (flag: string, min: number, max = Number.MAX_SAFE_INTEGER) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`${flag}: "${v}" is not a whole number from ${min} to ${max}`, 2);
  return n;
};

/** Commander collector for options given more than once (--allow-host a --allow-host b). */
export const collect = (v: string, previous: string[] = []) => [...previous, v];
