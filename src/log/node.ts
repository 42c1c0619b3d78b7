/**
 * Node addressing (as transparency-dev/merkle compact.NodeID): node (level, index) is the root
 * of the perfect subtree over leaves [index·2^level, (index+1)·2^level) (RFC 6962 §2.1).
 * @module
 */
import { assertSafeIndex } from './check.js';
import { pow2 } from './bits.js';
import { LogError } from './errors.js';

/** A perfect subtree: level 0 is a leaf; it covers leaves [index·2^level, (index+1)·2^level). */
export interface NodeId {
  level: number;
  index: number;
}

/**
 * The leaf range `[begin, end)` covered by `node`.
 * @throws {LogError} `INVALID_ARGUMENT` if the level or index is not a safe non-negative
 *   integer, or the range does not fit in safe integers.
 */
export function nodeCoverage(node: NodeId): { begin: number; end: number } {
  assertSafeIndex(node.level, 'node level');
  assertSafeIndex(node.index, 'node index');
  const width = pow2(node.level);
  const begin = node.index * width;
  const end = begin + width;
  if (!Number.isSafeInteger(end))
    throw new LogError('INVALID_ARGUMENT', 'node coverage exceeds 2^53');
  return { begin, end };
}
