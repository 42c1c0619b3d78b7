/** Strict parsing of path and query values (every byte from outside is hostile). */
import { HttpError } from './errors.js';

const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** A non-negative safe integer written in plain decimal, or throws INVALID_QUERY naming `name`. */
export function parseIndex(raw: unknown, name: string): number {
  if (typeof raw !== 'string' || !DECIMAL.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new HttpError('INVALID_QUERY', `${name} must be a non-negative decimal integer`);
  }
  return Number(raw);
}

/** Like parseIndex, or `fallback` when the value is absent. */
export function optionalIndex(raw: unknown, name: string, fallback: number): number {
  return raw === undefined ? fallback : parseIndex(raw, name);
}
