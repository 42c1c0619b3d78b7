/**
 * `consistency` (docs/verification.md, online only): the log's current checkpoint, signed by a trusted key,
 * extends the receipt's checkpoint ({@link checkpointExtends}).
 * @module
 */
import { encodeBase64 } from '../log/index.js';
import { check, msg, type Check } from './checks.js';
import { checkpointExtends, openCheckpoint, type SignedCheckpoint } from './checkpoint-extends.js';
import { InconsistencyError } from './errors.js';
import type { VerifierKey } from './trust.js';

/** What an online host fetched from the log: its current checkpoint and a consistency proof. */
export interface OnlineView {
  /** The log's current signed checkpoint note. */
  readonly checkpoint: string;
  /** base64 hashes of the consistency proof from the receipt's checkpoint size to the current. */
  readonly consistencyProof: readonly string[];
  /**
   * base64 consistency proof between the receipt's checkpoint and its stamped one, fetched when
   * the receipt carries a stamp of another size and no `timestampConsistency` (`timestamp.covers`).
   */
  readonly timestampConsistency?: readonly string[];
}

/** The `consistency` check of the receipt's checkpoint `old`; `skip` when not online. */
export function consistencyCheck(
  online: OnlineView | undefined,
  old: SignedCheckpoint | undefined,
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
  let current: SignedCheckpoint;
  try {
    current = openCheckpoint(online.checkpoint, trusted).checkpoint;
  } catch {
    return fail(
      '日志当前的检查点未由受信任的公钥签名',
      "the log's current checkpoint is not signed by a trusted key",
    );
  }
  const [a, b] = [old.body, current.body];
  const expected = { size: b.size, root: encodeBase64(b.root) };
  const actual = { size: a.size, root: encodeBase64(a.root) };
  if (b.origin !== a.origin)
    return fail('日志来源不同', 'the log has another origin', b.origin, a.origin);
  try {
    checkpointExtends(old, current, online.consistencyProof);
  } catch (err) {
    if (!(err instanceof InconsistencyError)) throw err;
    return err.code === 'ROLLBACK'
      ? fail(
          '日志当前的树比收据中的小：日志被回滚',
          "the log's current tree is smaller than the receipt's: the log was rolled back",
          expected,
          { size: a.size },
        )
      : fail(
          '一致性证明不成立：日志在收据签发后被改写（分叉）',
          "the consistency proof fails: the log was rewritten (forked) after the receipt's checkpoint",
          expected,
          actual,
        );
  }
  return check(
    'consistency',
    'pass',
    msg('日志自收据中的检查点以来只增未改', "the log only grew since the receipt's checkpoint"),
    expected,
    actual,
  );
}
