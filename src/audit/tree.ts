/**
 * Audits the stored tree: re-reads every entry bundle, recomputes every leaf hash, every tile
 * (with its in-between levels) and the root, compares them with what is stored, and checks
 * every stored checkpoint: signed by the log key, for the right origin, and consistent with the
 * head (an RFC 6962 consistency proof built from the tiles just checked).
 */
import {
  decodeEntryBundle,
  equalBytes,
  openNote,
  verifyConsistency,
  parseCheckpoint,
  TILE_WIDTH,
  type Hash,
  type NoteVerifier,
  type TreeHasher,
} from '../log/index.js';
import { TreeReader, type LogStore } from '../sequencer/index.js';
import { tileKey } from '../sequencer/tile.js';
import { TreeState, type TouchedTile } from '../sequencer/tree-state.js';
import type { AuditFinding, AuditSection } from './report.js';

export interface TreeAuditDeps {
  readonly store: LogStore;
  readonly hasher: TreeHasher;
  readonly verifier: NoteVerifier;
  readonly origin: string;
  /** Every stored checkpoint note with its size key (LevelStore.scan over `log/checkpoint/`). */
  readonly checkpoints: () => AsyncIterable<string>;
  /** Receives every entry with its index (the records audit reuses them). */
  readonly onEntry?: (index: number, entry: Uint8Array) => void;
}

export async function auditTree(
  deps: TreeAuditDeps,
): Promise<{ size: number; sections: AuditSection[] }> {
  const { store, hasher } = deps;
  const head = await store.readHead();
  const size = head?.size ?? 0;
  const tileFindings: AuditFinding[] = [];
  const cpFindings: AuditFinding[] = [];

  // Checkpoints by size: verified now, roots compared while the tree is rebuilt.
  const roots = new Map<number, Hash>();
  let cpCount = 0;
  for await (const note of deps.checkpoints()) {
    cpCount++;
    try {
      const cp = parseCheckpoint(openNote(note, [deps.verifier]).text);
      if (cp.origin !== deps.origin) throw new Error(`origin ${cp.origin}`);
      if (cp.size > size) throw new Error(`size ${cp.size} is beyond the head (${size})`);
      roots.set(cp.size, cp.root);
    } catch (err) {
      cpFindings.push({
        id: 'checkpoint.invalid',
        where: `checkpoint #${cpCount}`,
        message: (err as Error).message,
      });
    }
  }

  const state = TreeState.empty(hasher);
  const pending = new Map<string, TouchedTile>();
  const compare = async (tiles: TouchedTile[]): Promise<void> => {
    const stored = await store.readTiles(tiles);
    tiles.forEach((t, i) => {
      const s = stored[i];
      if (!s || !equalBytes(s, t.value)) {
        tileFindings.push({
          id: s ? 'tile.mismatch' : 'tile.missing',
          where: `tile ${tileKey(t.tileLevel, t.tileIndex)}`,
          message: s ? 'stored hashes differ from the hashes the entries give' : 'no stored tile',
        });
      }
    });
  };
  const checkRoot = (): void => {
    const want = roots.get(state.size);
    if (want && !equalBytes(want, state.root())) {
      cpFindings.push({
        id: 'checkpoint.root',
        where: `size ${state.size}`,
        message: 'the signed root differs from the root the stored entries give',
      });
    }
  };
  checkRoot();
  for (let bundle = 0; bundle * TILE_WIDTH < size; bundle++) {
    const count = Math.min(TILE_WIDTH, size - bundle * TILE_WIDTH);
    let entries: Uint8Array[] = [];
    try {
      entries =
        count === TILE_WIDTH
          ? decodeEntryBundle((await store.readEntryBundle(bundle)) ?? new Uint8Array())
          : (await store.readEntryFragments(bundle)).flatMap((f) => decodeEntryBundle(f.bytes));
    } catch (err) {
      tileFindings.push({
        id: 'entries.unreadable',
        where: `entry bundle ${bundle}`,
        message: (err as Error).message,
      });
    }
    if (entries.length !== count) {
      tileFindings.push({
        id: 'entries.missing',
        where: `entry bundle ${bundle}`,
        message: `${entries.length} entries, expected ${count}`,
      });
      break; // the tree cannot be rebuilt past this point
    }
    for (const [i, entry] of entries.entries()) {
      deps.onEntry?.(bundle * TILE_WIDTH + i, entry);
      for (const t of state.append([hasher.hashLeaf(entry)]))
        pending.set(tileKey(t.tileLevel, t.tileIndex), t);
      checkRoot();
    }
    const full = [...pending.entries()].filter(([, t]) => t.value[0] === 1 && t.value[1] === 0); // width 256
    for (const [k] of full) pending.delete(k);
    await compare(full.map(([, t]) => t));
  }
  await compare([...pending.values()]);
  if (head && !equalBytes(state.root(), head.root)) {
    cpFindings.push({
      id: 'head.root',
      where: `size ${size}`,
      message: 'the stored head root differs from the root the entries give',
    });
  }
  return {
    size,
    sections: [
      { name: 'entries, leaf hashes and tiles', checked: size, findings: tileFindings },
      {
        name: 'signed checkpoints (signature, origin, root at their size)',
        checked: cpCount,
        findings: cpFindings,
      },
    ],
  };
}
