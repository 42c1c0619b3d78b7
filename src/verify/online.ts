/**
 * The one online view of a receipt (docs/verification.md): what the CLI, the server and the browser fetch
 * from the log before verifying — its current checkpoint and the consistency proof from the
 * receipt's checkpoint — through a small {@link LogClient} each host implements over its own
 * transport (HTTP, or the sequencer itself). Checking what was fetched is the pure verifier's
 * `consistency` check, so no host can skip it.
 * @module
 */
import type { Checkpoint } from '../log/index.js';
import { needsConsistencyProof } from './checkpoint-extends.js';
import type { OnlineView } from './consistency.js';
import { checkpointBody, readReceipt, receiptCheckpointSize } from './receipt.js';

/** How a host reads the log (tessera's checkpoint and proof fetchers). */
export interface LogClient {
  /** The log's current signed checkpoint note. */
  checkpoint(): Promise<string>;
  /** The base64 hashes of the consistency proof from `from` to `to` (0 < from < to). */
  consistencyProof(from: number, to: number): Promise<readonly string[]>;
}

/** An {@link OnlineView} and the current checkpoint's body (undefined when it is malformed). */
export interface FetchedOnlineView {
  readonly online: OnlineView;
  readonly current: Checkpoint | undefined;
}

/**
 * The sizes between which a receipt's stamp needs a consistency proof it does not carry: its
 * checkpoint's and its (first) stamped checkpoint's, smaller first; undefined when none is needed.
 */
function stampGap(receipt: unknown, current: number): [number, number] | undefined {
  const { parts } = readReceipt(receipt);
  const stamp = parts.timestamps?.[0];
  if (stamp === undefined || parts.timestampConsistency !== undefined) return undefined;
  const own = parts.checkpoint === undefined ? undefined : checkpointBody(parts.checkpoint)?.size;
  const stamped = checkpointBody(stamp.checkpoint)?.size;
  if (own === undefined || stamped === undefined) return undefined;
  const [from, to] = own < stamped ? [own, stamped] : [stamped, own];
  return needsConsistencyProof(from, to) && to <= current ? [from, to] : undefined;
}

/**
 * Fetches the log's current checkpoint and, when the receipt's (hostile) checkpoint is smaller
 * and not empty, the consistency proof to it; and when the receipt's stamp is of another
 * checkpoint and it carries no proof to it, that proof too.
 */
export async function onlineView(receipt: unknown, client: LogClient): Promise<FetchedOnlineView> {
  const checkpoint = await client.checkpoint();
  const current = checkpointBody(checkpoint);
  const from = receiptCheckpointSize(receipt);
  const proof =
    from !== undefined && current !== undefined && needsConsistencyProof(from, current.size)
      ? await client.consistencyProof(from, current.size)
      : [];
  const gap = current === undefined ? undefined : stampGap(receipt, current.size);
  const stampProof = gap && (await client.consistencyProof(gap[0], gap[1]));
  return {
    online: {
      checkpoint,
      consistencyProof: proof,
      ...(stampProof ? { timestampConsistency: stampProof } : {}),
    },
    current,
  };
}
