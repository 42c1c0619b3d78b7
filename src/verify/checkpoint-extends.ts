/**
 * Whether a later checkpoint of a log extends an earlier one (RFC 6962 §2.1.2 consistency proof,
 * verified as RFC 9162 §2.1.4.2), shaped like tessera's `client.CheckConsistency`: the one check
 * the verifier's `consistency` and `huicun monitor` both make. Both checkpoints are of one log:
 * the caller compares origins (tessera's tracker is bound to one origin the same way).
 * @module
 */
import {
  decodeBase64,
  equalBytes,
  openNote,
  parseCheckpoint,
  rfc6962,
  verifyConsistency,
  type Checkpoint,
} from '../log/index.js';
import { InconsistencyError } from './errors.js';
import type { VerifierKey } from './trust.js';

/** A checkpoint note as the log served it, and its body. */
export interface SignedCheckpoint {
  readonly raw: string;
  readonly body: Checkpoint;
}

/**
 * Opens a checkpoint note with the trusted keys: its body and the key whose signature verified.
 * @throws {LogError} when no trusted key signed it, a signature fails or the body is malformed.
 */
export function openCheckpoint(
  raw: string,
  trusted: readonly VerifierKey[],
): { checkpoint: SignedCheckpoint; signer: VerifierKey } {
  const opened = openNote(raw, trusted);
  const body = parseCheckpoint(opened.text);
  const sig = opened.verified[0]!;
  const signer = trusted.find((k) => k.name === sig.name && k.keyId === sig.keyId)!;
  return { checkpoint: { raw, body }, signer };
}

/**
 * Whether going from a tree of `smaller` entries to one of `larger` takes a consistency proof:
 * not from the empty tree (every tree extends it) and not to the same size (the roots must match).
 */
export function needsConsistencyProof(smaller: number, larger: number): boolean {
  return smaller > 0 && smaller < larger;
}

/**
 * Checks that `next` extends `old` with `proof` (base64 hashes, empty when
 * {@link needsConsistencyProof} is false).
 * @throws {InconsistencyError} `ROLLBACK` when `next` is smaller, `FORK` when a same-size root
 *   differs or the proof fails; it keeps both notes and the proof as evidence.
 */
export function checkpointExtends(
  old: SignedCheckpoint,
  next: SignedCheckpoint,
  proof: readonly string[],
): void {
  const evidence = { smallerRaw: old.raw, largerRaw: next.raw, proof };
  const [a, b] = [old.body, next.body];
  if (b.size < a.size)
    throw new InconsistencyError(
      'ROLLBACK',
      `the log shrank from ${a.size} to ${b.size} entries`,
      evidence,
    );
  if (a.size === 0) return;
  if (b.size === a.size && !equalBytes(a.root, b.root))
    throw new InconsistencyError('FORK', `two different roots for size ${b.size}`, evidence);
  try {
    const hashes = proof.map((h) => decodeBase64(h));
    verifyConsistency(a.size, b.size, hashes, a.root, b.root, rfc6962);
  } catch (cause) {
    throw new InconsistencyError(
      'FORK',
      `no valid consistency proof from ${a.size} to ${b.size} (${(cause as Error).message})`,
      evidence,
      { cause },
    );
  }
}
