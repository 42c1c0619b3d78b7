/**
 * The system checks of a notarisation decision (docs/certificates.md, "What the notarial
 * certificate says was examined"), run on the server when the notary looks at the checklist and
 * again when they decide:
 * - `files`: every stored file of an upload deposit read and hashed again (SHA-256 and SM3, the
 *   audit's `fileDigests`) and compared with the opening, size included; `not-applicable` for a
 *   hash-only deposit (the platform never received the files);
 * - `commitment`: the entry read back from the log is canonical, names the deposit, and commits
 *   to the stored opening;
 * - `inclusion`: that logged entry is in the tree of the current checkpoint;
 * - `signature`: that checkpoint is signed by the log's key (the current one or a retired one).
 * The last three are src/verify's own checks (`verifyReceipt`) of a receipt whose entry is the
 * logged one, not one rebuilt from the record.
 */
import { fileDigests } from '../audit/index.js';
import type { DepositRecord, Receipt } from '../evidence/index.js';
import { encodeBase64, TILE_WIDTH } from '../log/index.js';
import type { Sequencer } from '../sequencer/index.js';
import { verifyReceipt, type Check, type CheckId } from '../verify/index.js';
import type { SystemCheck, SystemCheckResult, SystemChecks } from './examination.js';

/** What the checks read. */
export interface SystemCheckDeps {
  /** The deposit's receipt proving inclusion under the current checkpoint. */
  latestReceipt(record: DepositRecord): Promise<Receipt>;
  /** The entry bytes at `index` as the log holds them. */
  loggedEntry(index: number): Promise<Uint8Array | undefined>;
  /** Where the blob of `sha256` is kept. */
  blobPath(sha256: string): string;
  /** The log's key and its retired keys (vkey text). */
  readonly trustedKeys: readonly string[];
  readonly now?: () => number;
}

/** Runs the system checks of one deposit. */
export type Examiner = (record: DepositRecord) => Promise<SystemChecks>;

/** Which of src/verify's checks make up each system check. */
const FROM_VERIFY: Readonly<Record<'commitment' | 'inclusion' | 'signature', readonly CheckId[]>> =
  {
    commitment: ['receipt.shape', 'entry.canonical', 'entry.id', 'opening.commitment'],
    inclusion: ['inclusion'],
    signature: ['checkpoint.signature', 'checkpoint.key_trusted', 'checkpoint.origin'],
  };

/** `pass` only when every one of `ids` passed. */
function resultOf(checks: readonly Check[], ids: readonly CheckId[]): SystemCheckResult {
  return ids.every((id) => checks.some((c) => c.id === id && c.status === 'pass'))
    ? 'pass'
    : 'fail';
}

/** The `files` check: each stored file hashed again; a missing file fails. */
async function filesCheck(deps: SystemCheckDeps, record: DepositRecord): Promise<SystemCheck> {
  const files = record.opening.files;
  if (record.opening.method !== 'upload') return { id: 'files', result: 'not-applicable' };
  const failed: number[] = [];
  for (const [position, f] of files.entries()) {
    try {
      const d = await fileDigests(deps.blobPath(f.sha256));
      const sm3Ok = f.sm3 === undefined || d.sm3 === f.sm3;
      if (d.size !== f.size || d.sha256 !== f.sha256 || !sm3Ok) failed.push(position);
    } catch {
      failed.push(position);
    }
  }
  return {
    id: 'files',
    result: failed.length === 0 && files.length > 0 ? 'pass' : 'fail',
    files: files.length,
    ...(failed.length > 0 ? { failed } : {}),
  };
}

/** `loggedEntry` over the sequencer: the entry at `index` from its entry bundle. */
export function loggedEntryOf(
  sequencer: Pick<Sequencer, 'reader' | 'openBundle'>,
): SystemCheckDeps['loggedEntry'] {
  return async (index) => {
    const bundle = Math.floor(index / TILE_WIDTH);
    return (await sequencer.reader.bundleEntries(bundle, sequencer.openBundle()))[
      index % TILE_WIDTH
    ];
  };
}

/** The examiner over the server's log, records and blobs. */
export function systemExaminer(deps: SystemCheckDeps): Examiner {
  const now = deps.now ?? Date.now;
  return async (record) => {
    const files = await filesCheck(deps, record);
    let log: { checks: Check[]; treeSize: number; logKey?: string };
    try {
      const receipt = await deps.latestReceipt(record);
      const logged = await deps.loggedEntry(record.index);
      const report = verifyReceipt(
        { ...receipt, entry: logged === undefined ? '' : encodeBase64(logged) },
        { depositId: record.number, trustedKeys: deps.trustedKeys },
      );
      log = {
        checks: report.checks,
        treeSize: report.checkpoint?.size ?? 0,
        ...(report.signer?.trusted ? { logKey: report.signer.key } : {}),
      };
    } catch {
      log = { checks: [], treeSize: 0 }; // the log could not be read: every log check fails
    }
    return {
      at: new Date(now()).toISOString(),
      treeSize: log.treeSize,
      ...(log.logKey !== undefined ? { logKey: log.logKey } : {}),
      checks: [
        files,
        ...(['commitment', 'inclusion', 'signature'] as const).map((id) => ({
          id,
          result: resultOf(log.checks, FROM_VERIFY[id]),
        })),
      ],
    };
  };
}
