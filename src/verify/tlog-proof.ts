/**
 * Receipts exported as c2sp.org/tlog-proof@v1 (docs/verification.md): `extra` = base64(JCS({entry,
 * opening})), so a tlog-proof alone carries everything a receipt does except the (untrusted)
 * log key.
 * @module
 */
import { RECEIPT_FORMAT } from './receipt.js';
import { encodeBase64, parseTlogProof, TLOG_PROOF_HEADER } from '../log/index.js';
import { VerifyError } from './errors.js';

/** Whether `text` starts like a tlog-proof (to tell it from receipt JSON). */
export function looksLikeTlogProof(text: string): boolean {
  return text.startsWith(`${TLOG_PROOF_HEADER}\n`);
}

/**
 * The receipt a huicun tlog-proof carries (without `logKey`), ready for `verifyReceipt`.
 * Only the framing is checked here; the entry, opening and proof are judged by the checks.
 * @throws {VerifyError} `INVALID_TLOG_PROOF` if the text is not a tlog-proof, or its `extra` is
 *   missing or not UTF-8 JSON `{entry: <base64>, opening: {…}}`.
 */
export function receiptFromTlogProof(text: string): Record<string, unknown> {
  let p: ReturnType<typeof parseTlogProof>;
  try {
    p = parseTlogProof(text);
  } catch (cause) {
    throw new VerifyError(
      'INVALID_TLOG_PROOF',
      `not a c2sp.org/tlog-proof@v1: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (p.extra === undefined)
    throw new VerifyError(
      'INVALID_TLOG_PROOF',
      'the tlog-proof has no extra line: huicun puts the entry and opening there',
    );
  let extra: unknown;
  try {
    extra = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(p.extra));
  } catch (cause) {
    throw new VerifyError('INVALID_TLOG_PROOF', 'the extra line is not UTF-8 JSON', { cause });
  }
  const o = extra as { entry?: unknown; opening?: unknown } | null;
  if (typeof o !== 'object' || o === null || typeof o.entry !== 'string' || o.opening === undefined)
    throw new VerifyError(
      'INVALID_TLOG_PROOF',
      'the extra line must be {"entry": <base64>, "opening": {…}}',
    );
  return {
    format: RECEIPT_FORMAT,
    index: p.index,
    entry: o.entry,
    opening: o.opening,
    proof: p.proof.map(encodeBase64),
    checkpoint: p.checkpoint,
  };
}
