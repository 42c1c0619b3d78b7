/**
 * The number a notarial certificate prints, as notary offices print it:
 * `（2026）沪徐证经字第 123 号` — the year of issue, the office's prefix
 * (HUICUN_NOTARIAL_NUMBER_PREFIX) and the certificate's sequence number in that year
 * (docs/certificates.md, "The notarial certificate"). The sequence is derived, not stored: the
 * rank of the application's `notarisation-issued` log entry among the issues of the same year.
 * Log indices only grow, so a later issue never changes an earlier number, and the numbers of a
 * year run 1, 2, 3 … without gaps or repeats. The machine id (`NC…`) stays the API's
 * `certificateNumber`. Pure.
 * @module
 */
import type { ApplicationRecord } from '../../notary/index.js';
import { utc8 } from '../rendering/wording.js';

/** `（2026）沪徐证经字第 123 号` */
export function notarialNumber(o: {
  readonly prefix: string;
  readonly year: number;
  readonly sequence: number;
}): string {
  return `（${o.year}）${o.prefix}第 ${o.sequence} 号`;
}

/** The year of issue (UTC+08:00) and log index of an issued application, else undefined. */
export function issueOf(app: ApplicationRecord): { year: number; index: number } | undefined {
  const step = app.history.find((s) => s.state === 'issued');
  if (!step || !app.certificateNumber) return undefined;
  return { year: Number(utc8(step.time).slice(0, 4)), index: step.index };
}

/**
 * The year and sequence number of `app` (issued) among `all` applications: 1 + the number of
 * other applications issued in the same year at a lower log index.
 * @throws RangeError when `app` has not been issued.
 */
export function sequenceInYear(
  all: Iterable<ApplicationRecord>,
  app: ApplicationRecord,
): { year: number; sequence: number } {
  const own = issueOf(app);
  if (!own) throw new RangeError(`application ${app.id} has not been issued`);
  let sequence = 1;
  for (const other of all) {
    const o = other.id === app.id ? undefined : issueOf(other);
    if (o && o.year === own.year && o.index < own.index) sequence++;
  }
  return { year: own.year, sequence };
}
