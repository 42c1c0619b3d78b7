/**
 * Stored time-stamps of checkpoints (docs/log.md, "Time-stamps"): one record per stamped
 * checkpoint, keyed by its size (`ts/<size:16>`, src/storage/keys.ts), written in one synced
 * put — a crash leaves the record whole or absent.
 */
import { TIMESTAMP_PREFIX, timestampKey, type RecordStore } from '../storage/index.js';

/** A checkpoint and the RFC 3161 token over the SHA-256 of its exact note bytes. */
export interface StoredStamp {
  readonly size: number;
  /** The signed checkpoint note, exactly the bytes that were stamped. */
  readonly checkpoint: string;
  /** base64 of the DER TimeStampToken (CMS ContentInfo). */
  readonly token: string;
  /** The TSA's genTime (RFC 3339 UTC). */
  readonly genTime: string;
  /** The TSA's name. */
  readonly tsa: string;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A stored value as a stamp, or undefined when it is not one (never thrown at a reader). */
function parseStamp(key: string, value: Uint8Array): StoredStamp | undefined {
  let v: unknown;
  try {
    v = JSON.parse(fromUtf8.decode(value));
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (
    typeof r.size !== 'number' ||
    !Number.isSafeInteger(r.size) ||
    r.size < 1 ||
    timestampKey(r.size) !== key ||
    typeof r.checkpoint !== 'string' ||
    typeof r.token !== 'string' ||
    typeof r.genTime !== 'string' ||
    typeof r.tsa !== 'string'
  )
    return undefined;
  return { size: r.size, checkpoint: r.checkpoint, token: r.token, genTime: r.genTime, tsa: r.tsa };
}

export class StampStore {
  constructor(private readonly records: Pick<RecordStore, 'scan' | 'writeRecords'>) {}

  /** Stores a stamp (one synced write). */
  async put(stamp: StoredStamp): Promise<void> {
    const value = {
      size: stamp.size,
      checkpoint: stamp.checkpoint,
      token: stamp.token,
      genTime: stamp.genTime,
      tsa: stamp.tsa,
    };
    await this.records.writeRecords([
      { type: 'put', key: timestampKey(stamp.size), value: utf8.encode(JSON.stringify(value)) },
    ]);
  }

  /** The stamp of the earliest stamped checkpoint whose size is at least `size`. */
  async earliestAtLeast(size: number): Promise<StoredStamp | undefined> {
    const options = size <= 1 ? {} : { after: timestampKey(size - 1) };
    for await (const [key, value] of this.records.scan(TIMESTAMP_PREFIX, options)) {
      const stamp = parseStamp(key, value);
      if (stamp) return stamp;
    }
    return undefined;
  }

  /** The stamp covering entry `index`: the earliest of a checkpoint with size > index. */
  covering(index: number): Promise<StoredStamp | undefined> {
    return this.earliestAtLeast(index + 1);
  }

  /** The stamp of the largest stamped checkpoint. */
  async latest(): Promise<StoredStamp | undefined> {
    for await (const [key, value] of this.records.scan(TIMESTAMP_PREFIX, { reverse: true })) {
      const stamp = parseStamp(key, value);
      if (stamp) return stamp;
    }
    return undefined;
  }
}
