/**
 * A deposit number alone (docs/verification.md, "A number alone"): the public log proof of a
 * deposit — its entry, an inclusion proof and the signed checkpoint that covers it, with no
 * opening — and its checks. The server answers a number lookup with it and the browser verifies
 * the same proof again with this same code, so the page and the API give one verdict.
 * @module
 */
import { parseDepositNumber, type Entry } from '../entry/index.js';
import { encodeBase64 } from '../log/index.js';
import { sortChecks, verdictOf, type Check, type Verdict } from './checks.js';
import { checkpointChecks } from './checkpoint.js';
import { consistencyCheck, type OnlineView } from './consistency.js';
import { entryChecks } from './entry.js';
import { VerifyError } from './errors.js';
import { checkpointBody, readReceipt } from './receipt.js';
import { keyLabel, parseTrustedKeys, type VerifierKey } from './trust.js';
import { inclusionCheck } from './verify-receipt.js';

/** What a number lookup answers about the log: a receipt without its opening. */
export interface LogProof {
  /** The entry's log index (the number's 10 digits). */
  readonly index: number;
  /** base64 of the entry bytes (public: a commitment, the number, the time, the type). */
  readonly entry: string;
  /** base64 hashes of the inclusion proof, leaf sibling first. */
  readonly proof: readonly string[];
  /** The signed checkpoint note the proof leads to (the first one covering the entry). */
  readonly checkpoint: string;
}

/** The result of {@link verifyLogProof}. */
export interface LogProofReport {
  readonly verdict: Verdict;
  /** `entry.canonical`, `entry.id`, the three checkpoint checks, `inclusion`, `consistency`. */
  readonly checks: Check[];
  readonly index?: number;
  readonly entry?: Entry;
  readonly checkpoint?: { readonly origin: string; readonly size: number; readonly root: string };
  readonly signer?: { readonly key: string; readonly trusted: boolean };
}

/** What to verify a log proof against. */
export interface LogProofOptions {
  /** The number asked about (`entry.id`). */
  readonly depositId?: string;
  /** Keys trusted from outside: vkey text or parsed keys. */
  readonly trustedKeys?: readonly (string | VerifierKey)[];
  /** The log's current view (`consistency`). */
  readonly online?: OnlineView;
}

/**
 * Checks a deposit's public log proof (parsed JSON, hostile): the entry is a canonical entry for
 * the number asked about, the checkpoint is signed by a trusted key, the entry is in its tree and
 * (online) the log has only grown since. Never throws for bad input: bad parts fail checks.
 * @throws {VerifyError} `INVALID_TRUSTED_KEY` if a trusted key given as text is not a vkey.
 * @example
 * const { verdict } = verifyLogProof(answer.log, { depositId, trustedKeys: [vkey] });
 */
export function verifyLogProof(value: unknown, options: LogProofOptions = {}): LogProofReport {
  const keys = options.trustedKeys ?? [];
  const trusted = parseTrustedKeys(keys.filter((k): k is string => typeof k === 'string')).concat(
    keys.filter((k): k is VerifierKey => typeof k !== 'string'),
  );
  const { parts } = readReceipt(value);
  const entry = entryChecks(parts.entry, undefined, options.depositId);
  const body = parts.checkpoint === undefined ? undefined : checkpointBody(parts.checkpoint);
  const cp = checkpointChecks(parts.checkpoint, body, trusted, undefined);
  const checks = sortChecks([
    ...entry.checks.filter((c) => c.id !== 'opening.commitment'),
    ...cp.checks,
    inclusionCheck(parts.index, parts.entry, parts.proof, body),
    consistencyCheck(options.online, body && { raw: parts.checkpoint!, body }, trusted),
  ]);
  return {
    verdict: verdictOf(checks),
    checks,
    ...(parts.index !== undefined ? { index: parts.index } : {}),
    ...(entry.entry ? { entry: entry.entry } : {}),
    ...(body
      ? { checkpoint: { origin: body.origin, size: body.size, root: encodeBase64(body.root) } }
      : {}),
    ...(cp.signer ? { signer: { key: keyLabel(cp.signer.key), trusted: cp.signer.trusted } } : {}),
  };
}

/**
 * Reads a deposit number as a person typed it (spaces, hyphens, any case) and says what is wrong
 * with it: a wrong shape, or a check character that does not match the digits (a mistyped number:
 * MOD 11-2 catches every single substitution and every adjacent swap, docs/verification.md).
 * @throws {VerifyError} `INVALID_DEPOSIT_ID` for a wrong shape, `WRONG_CHECK_CHARACTER` for a
 * wrong check character.
 * @example askedDepositNumber('hc 00000 00005 2') // { number: 'HC00000000052', index: 5 }
 */
export function askedDepositNumber(text: unknown): { number: string; index: number } {
  const compact =
    typeof text === 'string' && text.length <= 40 ? text.replace(/[\s-]/g, '').toUpperCase() : '';
  const m = /^HC(\d{10})([0-9X])$/.exec(compact);
  if (!m)
    throw new VerifyError(
      'INVALID_DEPOSIT_ID',
      'not a deposit number: HC, 10 digits and a check character (0-9 or X)',
    );
  const parsed = parseDepositNumber(compact);
  if (parsed === undefined)
    throw new VerifyError(
      'WRONG_CHECK_CHARACTER',
      `the check character ${m[2]} does not fit the digits ${m[1]}: the number was probably mistyped`,
    );
  return parsed;
}
