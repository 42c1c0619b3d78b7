/**
 * `huicun audit`: the whole store checked against itself and the log key — tree, checkpoints,
 * records, evidence files. Runs inside a running server (admin route) or on a stopped store.
 */
import {
  decodeEntryBundle as decodeBundle,
  tileSlot,
  type NoteVerifier,
  type TreeHasher,
} from '../log/index.js';
import { TreeReader } from '../sequencer/index.js';
import { type LevelStore, CHECKPOINT_PREFIX } from '../storage/index.js';
import { auditBlobs } from './blobs.js';
import { auditRecords } from './records.js';
import type { AuditReport } from './report.js';
import { auditTree } from './tree.js';

export { fileDigests } from './blobs.js';
export {
  formatAuditReport,
  type AuditReport,
  type AuditFinding,
  type AuditSection,
} from './report.js';

export interface AuditDeps {
  readonly store: LevelStore;
  readonly hasher: TreeHasher;
  readonly verifier: NoteVerifier;
  /** Retired log keys (rotation, `--new-log`): checkpoints they signed are accepted too. */
  readonly previousVerifiers?: readonly NoteVerifier[];
  readonly origin: string;
  readonly blobDir: string;
  readonly blobPath: (sha256: string) => string;
}

export async function runAudit(deps: AuditDeps): Promise<AuditReport> {
  const { store } = deps;
  const tree = await auditTree({
    store,
    hasher: deps.hasher,
    verifier: deps.verifier,
    ...(deps.previousVerifiers ? { previousVerifiers: deps.previousVerifiers } : {}),
    origin: deps.origin,
    checkpoints: async function* () {
      for await (const [, v] of store.scan(CHECKPOINT_PREFIX)) yield new TextDecoder().decode(v);
    },
  });
  const reader = new TreeReader(store, deps.hasher);
  const openIndex = tileSlot(tree.size).tile;
  const openEntries = (await store.readEntryFragments(openIndex)).flatMap((f) =>
    decodeBundle(f.bytes),
  );
  const records = await auditRecords({
    records: store,
    reader,
    size: tree.size,
    openBundle: () => ({ bundleIndex: openIndex, entries: openEntries }),
  });
  const blobs = await auditBlobs({
    records: store,
    blobDir: deps.blobDir,
    blobPath: deps.blobPath,
  });
  const sections = [...tree.sections, records, blobs];
  return { ok: sections.every((s) => s.findings.length === 0), size: tree.size, sections };
}
