/**
 * Audits the stored tree: re-reads every entry bundle, recomputes every leaf hash, every tile
 * (with its in-between levels) and the root, compares them with what is stored, and checks
 * every stored checkpoint: signed by the log key, for the right origin, and consistent with the
 * recomputed head (an RFC 6962 consistency proof built from the tiles just checked).
 */
import {
  decodeEntryBundle,
  equalBytes,
  openNote,
  parseCheckpoint,
  TILE_WIDTH,
  tileWidth,
  verifyConsistency,
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
  /** Retired log keys (rotation, `--new-log`): their checkpoints are accepted too. */
  readonly previousVerifiers?: readonly NoteVerifier[];
  readonly origin: string;
  /** Every stored checkpoint note (LevelStore.scan over `log/checkpoint/`). */
  readonly checkpoints: () => AsyncIterable<string>;
}

const isFull = (t: TouchedTile): boolean => t.value[0] === 1 && t.value[1] === 0; // width 256

export async function auditTree(
  deps: TreeAuditDeps,
): Promise<{ size: number; sections: AuditSection[] }> {
  const { store, hasher } = deps;
  const head = await store.readHead();
  const size = head?.size ?? 0;
  const tileFindings: AuditFinding[] = [];
  const cpFindings: AuditFinding[] = [];
  const finding = (list: AuditFinding[], id: string, where: string, message: string): void => {
    list.push({ id, where, message });
  };

  // Rebuild the tree from the entries, a bundle at a time, comparing every tile.
  const state = TreeState.empty(hasher);
  const pending = new Map<string, TouchedTile>();
  const compare = async (tiles: TouchedTile[]): Promise<void> => {
    const stored = await store.readTiles(tiles);
    tiles.forEach((t, i) => {
      const s = stored[i];
      if (!s || !equalBytes(s, t.value)) {
        const where = `tile ${tileKey(t.tileLevel, t.tileIndex)}`;
        if (s)
          finding(
            tileFindings,
            'tile.mismatch',
            where,
            'stored hashes differ from the hashes the entries give',
          );
        else finding(tileFindings, 'tile.missing', where, 'no stored tile');
      }
    });
  };
  for (let bundle = 0; tileWidth(0, bundle, size) > 0; bundle++) {
    const count = tileWidth(0, bundle, size);
    let entries: Uint8Array[] = [];
    try {
      entries =
        count === TILE_WIDTH
          ? decodeEntryBundle((await store.readEntryBundle(bundle)) ?? new Uint8Array())
          : (await store.readEntryFragments(bundle)).flatMap((f) => decodeEntryBundle(f.bytes));
    } catch (err) {
      finding(tileFindings, 'entries.unreadable', `entry bundle ${bundle}`, (err as Error).message);
    }
    if (entries.length !== count) {
      finding(
        tileFindings,
        'entries.missing',
        `entry bundle ${bundle}`,
        `${entries.length} entries, expected ${count}`,
      );
      break; // the tree cannot be rebuilt past this point
    }
    for (const t of state.append(entries.map((e) => hasher.hashLeaf(e)))) {
      pending.set(tileKey(t.tileLevel, t.tileIndex), t);
    }
    const full = [...pending.entries()].filter(([, t]) => isFull(t));
    for (const [k] of full) pending.delete(k);
    await compare(full.map(([, t]) => t));
  }
  await compare([...pending.values()]);
  const root = state.root();
  if (head && state.size === size && !equalBytes(root, head.root)) {
    finding(
      cpFindings,
      'head.root',
      `size ${size}`,
      'the stored head root differs from the root the entries give',
    );
  }

  // Every stored checkpoint: signature, origin, and consistency with the recomputed head.
  const reader = new TreeReader(store, hasher);
  const verifiers = [deps.verifier, ...(deps.previousVerifiers ?? [])];
  // The log's origin, and those of retired keys (a log continued under a new origin).
  const origins = new Set([deps.origin, ...verifiers.map((v) => v.name)]);
  let cpCount = 0;
  for await (const note of deps.checkpoints()) {
    cpCount++;
    let where = `checkpoint #${cpCount}`;
    try {
      const opened = openNote(note, verifiers);
      const cp = parseCheckpoint(opened.text);
      where = `checkpoint of size ${cp.size}`;
      if (!origins.has(cp.origin))
        throw new Error(`origin ${cp.origin}, expected ${[...origins].join(' or ')}`);
      // C2SP: the key name is the origin.
      if (!opened.verified.some((sig) => sig.name === cp.origin))
        throw new Error(`not signed by a key named ${cp.origin}`);
      if (cp.size > size) throw new Error(`size beyond the head (${size})`);
      if (cp.size === size) {
        if (!equalBytes(cp.root, root))
          throw new Error('root differs from the recomputed head root');
      } else if (cp.size > 0) {
        const proof = await reader.consistencyProof(cp.size, size);
        verifyConsistency(cp.size, size, proof, cp.root, root, hasher);
      }
    } catch (err) {
      finding(cpFindings, 'checkpoint.invalid', where, (err as Error).message);
    }
  }
  return {
    size,
    sections: [
      { name: 'entries, leaf hashes and tiles', checked: size, findings: tileFindings },
      {
        name: 'signed checkpoints (signature, origin, consistency with the head)',
        checked: cpCount,
        findings: cpFindings,
      },
    ],
  };
}
