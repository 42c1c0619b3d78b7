/**
 * Independent check of admin entries: recomputes each commitment and entry from the stored
 * opening (sorted-key JSON + node:crypto, not the service's code), reads the entry from the log
 * and verifies its inclusion under the current checkpoint's root.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { rfc6962, TILE_WIDTH, verifyInclusion } from '../../src/log/index.js';
import type { Sequencer } from '../../src/sequencer/index.js';
import type { LevelStore } from '../../src/storage/leveldb.js';

/** JCS for objects of strings and nested objects (all admin openings are). */
function sortedJson(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`)
    .join(',')}}`;
}

export interface CheckedAdminEntry {
  readonly id: string;
  readonly index: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- opening fields are checked by the callers
  readonly opening: any;
}

/** Checks every `rec/admin/` record against the log; returns them in log order. */
export async function checkAdminEntries(
  store: LevelStore,
  log: Sequencer,
): Promise<CheckedAdminEntry[]> {
  const out: CheckedAdminEntry[] = [];
  const { size, root } = log.current();
  for await (const [key, value] of store.scan('rec/admin/')) {
    const id = key.slice('rec/admin/'.length);
    const record = JSON.parse(new TextDecoder().decode(value)) as {
      index: number;
      opening: Record<string, unknown>;
    };
    const { opening, index } = record;
    // a reason only on a disabling (and not on those made before reasons were asked for)
    const reason = opening.action === 'account-disabled' && 'reason' in opening ? ['reason'] : [];
    expect(Object.keys(opening).sort()).to.deep.equal([
      'action',
      'actor',
      ...reason,
      'salt',
      'subject',
      'time',
    ]);
    expect(opening.salt).to.match(/^[0-9a-f]{64}$/);
    const commitment = createHash('sha256').update(sortedJson(opening)).digest('hex');
    const expected = sortedJson({ commitment, id, time: opening.time, type: 'admin', v: 1 });
    const entries = await log.reader.bundleEntries(
      Math.floor(index / TILE_WIDTH),
      log.openBundle(),
    );
    const entry = entries[index % TILE_WIDTH]!;
    expect(new TextDecoder().decode(entry)).to.equal(expected);
    const leaf = rfc6962.hashLeaf(entry);
    verifyInclusion(index, size, leaf, await log.reader.inclusionProof(index, size), root, rfc6962);
    out.push({ id, index, opening });
  }
  return out.sort((a, b) => a.index - b.index);
}
