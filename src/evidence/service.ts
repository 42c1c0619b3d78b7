/**
 * Deposits: creating them through the sequencer (number, opening, entry and records in one
 * durable batch), reading them back, handing a counter deposit to its client, receipts, and which
 * file a download sends. Who may read a deposit is the access policy's business
 * (src/custody/access.ts).
 */
import type { DepositView, NotarisationSummary } from '../api/index.js';
import { formatDepositNumber, makeEntry, newSalt, parseDepositNumber } from '../entry/index.js';
import { parseCheckpoint, type Hash } from '../log/index.js';
import type { RecordWrite, Sequencer } from '../sequencer/index.js';
import type { RecordStore } from '../storage/index.js';
import type { StampStore } from '../timestamp/index.js';
import { DepositError } from './errors.js';
import type { DepositFields } from './hash-only.js';
import { previewKind } from './preview.js';
import {
  openingFile,
  type DepositMethod,
  type DepositOpening,
  type Depositor,
  type FileItem,
} from './opening.js';
import { makeReceipt, type Receipt } from './receipt.js';
import {
  depositKey,
  depositWrites,
  digestPrefix,
  indexOfKey,
  ownerKey,
  ownerPrefix,
  parseDepositRecord,
  type DepositRecord,
} from './records.js';

export interface NewDeposit extends DepositFields {
  readonly method: DepositMethod;
  readonly files: readonly FileItem[];
  readonly depositor: Depositor;
  /** The owning account (absent for an unclaimed counter deposit). */
  readonly owner?: string;
  readonly agent?: DepositOpening['agent'];
  /** Further records to write in the deposit's batch (a counter deposit's claim code). */
  readonly extraWrites?: (ctx: {
    readonly index: number;
    readonly time: string;
    readonly number: string;
  }) => readonly RecordWrite[];
}

export type { DepositView, NotarisationSummary } from '../api/index.js';

/** A deposited file as a download sends it: the blob, its name and type, and how it may be shown. */
export interface DownloadableFile extends FileItem {
  /** Its position in the deposit. */
  readonly n: number;
  /** How a browser may show it inline (src/evidence/preview.ts); undefined: download only. */
  readonly preview: 'image' | 'pdf' | undefined;
}

export const LIST_DEFAULT = 20;
export const LIST_MAX = 100;

export class DepositService {
  constructor(
    private readonly deps: {
      sequencer: Sequencer;
      records: Pick<RecordStore, 'get' | 'getMany' | 'scan'>;
      vkey: string;
      /** Stored checkpoint time-stamps, which receipts carry (absent: receipts carry none). */
      timestamps?: Pick<StampStore, 'covering'>;
      /** Called after each durable deposit (metrics). */
      onCreated?: (record: DepositRecord) => void;
    },
  ) {}

  /** Appends a deposit; resolves once it is durable, with its view and receipt. */
  async create(input: NewDeposit): Promise<{ record: DepositRecord; receipt: Receipt }> {
    let record: DepositRecord | undefined;
    let entryBytes: Uint8Array | undefined;
    const result = await this.deps.sequencer.append(({ index, time }) => {
      const number = formatDepositNumber(index);
      const opening: DepositOpening = {
        depositor: input.depositor,
        ...(input.agent ? { agent: input.agent } : {}),
        title: input.title,
        description: input.description,
        files: input.files.map(openingFile),
        method: input.method,
        salt: newSalt(),
      };
      record = {
        v: 1,
        number,
        index,
        ...(input.owner ? { owner: input.owner } : {}),
        time,
        opening,
      };
      entryBytes = makeEntry('deposit', number, time, opening).bytes;
      const extra = input.extraWrites?.({ index, time, number }) ?? [];
      return { entry: entryBytes, writes: [...depositWrites(record), ...extra] };
    });
    const receipt = makeReceipt({
      logKey: this.deps.vkey,
      index: result.index,
      entry: entryBytes!,
      opening: record!.opening,
      proof: result.proof,
      checkpoint: result.checkpoint,
    });
    this.deps.onCreated?.(record!);
    return { record: record!, receipt };
  }

  /** The record of deposit number `id` (any accepted spelling), or undefined. */
  async find(id: string): Promise<DepositRecord | undefined> {
    const parsed = parseDepositNumber(id);
    if (!parsed) return undefined;
    const raw = await this.deps.records.get(depositKey(parsed.index));
    return raw ? parseDepositRecord(raw) : undefined;
  }

  /** The records of these log indices that are deposits, in the order given. */
  async findByIndices(indices: readonly number[]): Promise<DepositRecord[]> {
    if (indices.length === 0) return [];
    const raws = await this.deps.records.getMany(indices.map(depositKey));
    return raws.filter((r): r is Uint8Array => r !== undefined).map(parseDepositRecord);
  }

  /**
   * The records that hand an unowned (counter) deposit to `owner`: the updated record and the
   * owner index, for the batch of the `claimed` custody event.
   * @throws TypeError when the deposit already has an owner.
   */
  ownerWrites(
    record: DepositRecord,
    owner: string,
  ): { record: DepositRecord; writes: RecordWrite[] } {
    if (record.owner !== undefined) throw new TypeError('the deposit already has an owner');
    const next: DepositRecord = { ...record, owner };
    return {
      record: next,
      writes: [
        { type: 'put', key: depositKey(record.index), value: JSON.stringify(next) },
        { type: 'put', key: ownerKey(owner, record.index), value: '' },
      ],
    };
  }

  /** The deposit if `account` owns it; else DEPOSIT_NOT_FOUND (existence does not leak). */
  async ownedBy(account: string, id: string): Promise<DepositRecord> {
    const record = await this.find(id);
    if (!record || record.owner !== account) throw notFound();
    return record;
  }

  /** The account's deposits, newest first; `cursor` continues a previous page. */
  async listOwn(
    account: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: DepositRecord[]; nextCursor: string | null }> {
    const prefix = ownerPrefix(account);
    const after = cursor === undefined ? undefined : ownerKey(account, Number(cursor));
    const keys: string[] = [];
    for await (const [key] of this.deps.records.scan(prefix, {
      reverse: true,
      limit: limit + 1,
      ...(after ? { after } : {}),
    })) {
      keys.push(key);
    }
    const page = keys.slice(0, limit);
    const raws = await this.deps.records.getMany(page.map((k) => depositKey(indexOfKey(k))));
    const items = raws.filter((r): r is Uint8Array => r !== undefined).map(parseDepositRecord);
    const last = page[page.length - 1];
    return { items, nextCursor: keys.length > limit && last ? String(indexOfKey(last)) : null };
  }

  /**
   * The account's deposits holding a file of SHA-256 `sha256` (lowercase hex), newest first, at
   * most `limit`: the web app warns before the same file is deposited again (docs/web.md). Looks
   * at the newest {@link DIGEST_SCAN_MAX} deposits of that digest, whoever made them, and reveals
   * only the account's own.
   */
  async listOwnWithSha256(
    account: string,
    sha256: string,
    limit: number,
  ): Promise<DepositRecord[]> {
    const indexes: number[] = [];
    for await (const [key] of this.deps.records.scan(digestPrefix('sha256', sha256), {
      reverse: true,
      limit: DIGEST_SCAN_MAX,
    }))
      indexes.push(indexOfKey(key));
    const owned = await this.deps.records.getMany(indexes.map((i) => ownerKey(account, i)));
    const mine = indexes.filter((_, n) => owned[n] !== undefined).slice(0, limit);
    const raws = await this.deps.records.getMany(mine.map(depositKey));
    return raws.filter((r): r is Uint8Array => r !== undefined).map(parseDepositRecord);
  }

  /** Whether any deposit references a file with this SHA-256 (blob clean-up asks). */
  async referencesSha256(sha256: string): Promise<boolean> {
    for await (const _ of this.deps.records.scan(digestPrefix('sha256', sha256), { limit: 1 }))
      return true;
    return false;
  }

  /**
   * File `n` of a deposit the caller may read (the access policy decided that before): its blob,
   * name and media type, and whether it may be shown inline.
   * @throws DepositError FILE_NOT_FOUND when there is no file `n`, or the deposit is hash-only.
   */
  downloadableFile(record: DepositRecord, n: number): DownloadableFile {
    const file = record.opening.files[n];
    if (!file) throw new DepositError('FILE_NOT_FOUND', `the deposit has no file ${n}`);
    if (record.opening.method === 'hash-only') {
      throw new DepositError(
        'FILE_NOT_FOUND',
        'a hash-only deposit holds no file: only its digests were deposited',
      );
    }
    return { ...file, n, preview: previewKind(file.mediaType) };
  }

  /**
   * The deposit's receipt: as issued (inclusion in the first checkpoint that covered it), or
   * `latest` (inclusion in the current checkpoint). Either carries the time-stamp of the earliest
   * stamped checkpoint covering the deposit, if there is one; `latest` also carries the
   * consistency proof between its checkpoint and the stamped one (docs/formats.md).
   */
  async receipt(record: DepositRecord, at: 'issued' | 'latest'): Promise<Receipt> {
    const { sequencer } = this.deps;
    const checkpoint =
      at === 'latest'
        ? sequencer.current().checkpoint
        : await sequencer.checkpointCovering(record.index);
    if (checkpoint === undefined)
      throw new DepositError('DEPOSIT_NOT_FOUND', 'no checkpoint covers this deposit');
    const size = checkpointSize(checkpoint);
    const proof = await sequencer.reader.inclusionProof(record.index, size);
    const stamp = await this.deps.timestamps?.covering(record.index);
    let timestampConsistency: Hash[] | undefined;
    if (stamp && at === 'latest' && stamp.size <= sequencer.size) {
      const [from, to] = size <= stamp.size ? [size, stamp.size] : [stamp.size, size];
      timestampConsistency = from === to ? [] : await sequencer.reader.consistencyProof(from, to);
    }
    return makeReceipt({
      logKey: this.deps.vkey,
      index: record.index,
      entry: makeEntry('deposit', record.number, record.time, record.opening).bytes,
      opening: record.opening,
      proof,
      checkpoint,
      ...(stamp ? { timestamps: [{ checkpoint: stamp.checkpoint, token: stamp.token }] } : {}),
      ...(timestampConsistency ? { timestampConsistency } : {}),
    });
  }
}

/** How many deposits of one digest {@link DepositService.listOwnWithSha256} looks at. */
export const DIGEST_SCAN_MAX = 1000;

/** The API view of a record, with the state of its latest notarisation application if any. */
export function depositView(
  r: DepositRecord,
  notarisation: NotarisationSummary = null,
): DepositView {
  const o = r.opening;
  return {
    id: r.number,
    index: r.index,
    title: o.title,
    description: o.description,
    method: o.method,
    createdAt: r.time,
    files: o.files,
    depositor: {
      name: o.depositor.name,
      idMasked: o.depositor.idMasked,
      verification: o.depositor.verification,
    },
    ...(o.agent ? { agent: { name: o.agent.name, office: o.agent.office } } : {}),
    notarisation,
  };
}

function checkpointSize(note: string): number {
  return parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1)).size;
}

function notFound(): DepositError {
  return new DepositError('DEPOSIT_NOT_FOUND', 'no such deposit');
}
