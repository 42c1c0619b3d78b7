/**
 * `consistency` (DESIGN §6, online only): the log's current checkpoint, signed by a trusted key,
 * extends the receipt's checkpoint (RFC 6962 §2.1.2 proof, verified as RFC 9162 §2.1.4.2).
 * @module
 */
import {
  decodeBase64,
  encodeBase64,
  openNote,
  parseCheckpoint,
  rfc6962,
  verifyConsistency,
  type Checkpoint,
} from '../log/index.js';
import { check, msg, type Check } from './checks.js';
import type { VerifierKey } from './trust.js';

/** What an online host fetched from the log: its current checkpoint and a consistency proof. */
export interface OnlineView {
  /** The log's current signed checkpoint note. */
  readonly checkpoint: string;
  /** base64 hashes of the consistency proof from the receipt's checkpoint size to the current. */
  readonly consistencyProof: readonly string[];
}

/** The `consistency` check; `skip` when not online. */
export function consistencyCheck(
  online: OnlineView | undefined,
  old: Checkpoint | undefined,
  trusted: readonly VerifierKey[],
): Check {
  if (online === undefined) {
    return check(
      'consistency',
      'skip',
      msg(
        '离线核验：未检查日志此后是否只增不改',
        'offline: not checked that the log only grew since',
      ),
    );
  }
  const fail = (zh: string, en: string, expected: unknown = null, actual: unknown = null): Check =>
    check('consistency', 'fail', msg(zh, en), expected, actual);
  if (old === undefined)
    return fail('收据中的检查点无法读取', "the receipt's checkpoint cannot be read");
  let current: Checkpoint;
  try {
    current = parseCheckpoint(openNote(online.checkpoint, trusted).text);
  } catch {
    return fail(
      '日志当前的检查点未由受信任的公钥签名',
      "the log's current checkpoint is not signed by a trusted key",
    );
  }
  const expected = { size: current.size, root: encodeBase64(current.root) };
  if (current.origin !== old.origin)
    return fail('日志来源不同', 'the log has another origin', current.origin, old.origin);
  if (current.size < old.size) {
    return fail(
      '日志当前的树比收据中的小：日志被回滚',
      "the log's current tree is smaller than the receipt's: the log was rolled back",
      expected,
      { size: old.size },
    );
  }
  try {
    const proof = online.consistencyProof.map((h) => decodeBase64(h));
    verifyConsistency(old.size, current.size, proof, old.root, current.root, rfc6962);
  } catch {
    return fail(
      '一致性证明不成立：日志在收据签发后被改写（分叉）',
      "the consistency proof fails: the log was rewritten (forked) after the receipt's checkpoint",
      expected,
      { size: old.size, root: encodeBase64(old.root) },
    );
  }
  return check(
    'consistency',
    'pass',
    msg('日志自收据中的检查点以来只增未改', "the log only grew since the receipt's checkpoint"),
    expected,
    { size: old.size, root: encodeBase64(old.root) },
  );
}
