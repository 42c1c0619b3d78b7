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
import { checkpointBody, receiptCheckpointSize } from './receipt.js';

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
 * Fetches the log's current checkpoint and, when the receipt's (hostile) checkpoint is smaller
 * and not empty, the consistency proof to it.
 */
export async function onlineView(receipt: unknown, client: LogClient): Promise<FetchedOnlineView> {
  const checkpoint = await client.checkpoint();
  const current = checkpointBody(checkpoint);
  const from = receiptCheckpointSize(receipt);
  const proof =
    from !== undefined && current !== undefined && needsConsistencyProof(from, current.size)
      ? await client.consistencyProof(from, current.size)
      : [];
  return { online: { checkpoint, consistencyProof: proof }, current };
}
