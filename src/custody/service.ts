/**
 * The custody log: appends custody events (each in the same durable batch as the state it
 * changes), reads a deposit's trail with receipts, and records the reads of non-owners once per
 * window. Every event is an entry of the public log; its opening stays here.
 */
import { makeEntry, newSalt } from '../entry/index.js';
import { type DepositRecord, makeReceipt, type Receipt } from '../evidence/index.js';
import { encodeHex, parseCheckpoint } from '../log/index.js';
import { randomBytes } from '../crypto/index.js';
import type { RecordWrite, Sequencer } from '../sequencer/index.js';
import type { RecordStore } from '../storage/index.js';
import { OWNER_READER, withheldKeys, withoutKeys, type TrailReader } from './disclosure.js';
import { CustodyError } from './errors.js';
import {
  custodyKey,
  custodyPrefix,
  parseCustodyRecord,
  type CustodyActor,
  type CustodyDetail,
  type CustodyEvent,
  type CustodyOpening,
  type CustodyRecord,
} from './events.js';
import { custodyTag } from './tag.js';
import type { TrailItem, WithheldReceipt } from '../api/index.js';
import { EventWindow, readWindow, type DepositRead } from './window.js';

export type { TrailItem, WithheldReceipt } from '../api/index.js';

export type { DepositRead } from './window.js';

/** The deposit an event is about (a stored record has all of it). */
export type CustodyDeposit = Pick<DepositRecord, 'number' | 'index' | 'opening'>;

/** Given to `prepare` inside the sequencer's batch. */
export interface EventContext {
  readonly index: number;
  readonly time: string;
  readonly eventId: string;
}

/** One custody event to append. */
export interface EventRequest {
  readonly deposit: CustodyDeposit;
  readonly event: CustodyEvent;
  readonly actor: CustodyActor;
  readonly detail?: CustodyDetail;
  /**
   * Called inside the batch with the event's index and time: returns detail (merged over
   * `detail`) and the records the event changes, written atomically with it. May throw to refuse
   * (nothing is written).
   */
  readonly prepare?: (ctx: EventContext) => {
    readonly detail?: CustodyDetail;
    readonly writes?: readonly RecordWrite[];
  };
}

/** An appended event with its receipt (as issued: the checkpoint of its batch). */
export interface RecordedEvent {
  readonly eventId: string;
  readonly index: number;
  readonly time: string;
  readonly opening: CustodyOpening;
  readonly receipt: Receipt;
}

/** Most items of one trail page (`limit`). */
export const TRAIL_PAGE_MAX = 200;

/** Which part of a trail to read. */
export interface TrailQuery {
  /** Items in the page (1…{@link TRAIL_PAGE_MAX}); absent: every item after `after`. */
  readonly limit?: number;
  /** The log index of the previous page's last item (its `nextCursor`): items after it. */
  readonly after?: number;
  /** Only these events; absent or empty: every event. */
  readonly events?: readonly CustodyEvent[];
}

/** One page of a trail. */
export interface TrailPage {
  readonly items: TrailItem[];
  /** The `cursor` of the next page, or null when this page is the last. */
  readonly nextCursor: string | null;
  /** How many events match the filter in the whole trail (every page). */
  readonly total: number;
}

export interface CustodyLogDeps {
  readonly sequencer: Sequencer;
  readonly records: Pick<RecordStore, 'scan'>;
  readonly vkey: string;
  /** Milliseconds since the epoch (read windows); tests inject a clock. */
  readonly now?: () => number;
}

/** A new event id: `ev_` + 32 hex (128 random bits). */
export function newEventId(): string {
  return `ev_${encodeHex(randomBytes(16))}`;
}

export class CustodyLog {
  private readonly windows: EventWindow;

  constructor(private readonly deps: CustodyLogDeps) {
    this.windows = new EventWindow(deps.now ?? Date.now);
  }

  /**
   * Appends one custody event and the records it changes, in one durable batch.
   * @throws SequencerError (503 LOG_*) when the log cannot append; whatever `prepare` throws.
   * @example custody.record({ deposit, event: 'certificate-issued', actor,
   *   detail: { kind: 'deposit', number: 'C…', version: 1, sha256 } })
   */
  async record(req: EventRequest): Promise<RecordedEvent> {
    const eventId = newEventId();
    const tag = custodyTag(req.deposit.opening.salt);
    let opening: CustodyOpening | undefined;
    let entry: Uint8Array | undefined;
    const result = await this.deps.sequencer.append(({ index, time }) => {
      const prepared = req.prepare?.({ index, time, eventId }) ?? {};
      const detail =
        req.detail || prepared.detail ? { ...req.detail, ...prepared.detail } : undefined;
      opening = {
        salt: newSalt(),
        eventId,
        deposit: req.deposit.number,
        depositIndex: req.deposit.index,
        event: req.event,
        actor: {
          account: req.actor.account,
          role: req.actor.role,
          displayName: req.actor.displayName,
        },
        time,
        ...(detail ? { detail } : {}),
      };
      entry = makeEntry('custody', tag, time, opening).bytes;
      const record: CustodyRecord = { v: 1, index, tag, opening };
      return {
        entry,
        writes: [
          { type: 'put', key: custodyKey(req.deposit.index, index), value: JSON.stringify(record) },
          ...(prepared.writes ?? []),
        ],
      };
    });
    const receipt = makeReceipt({
      logKey: this.deps.vkey,
      index: result.index,
      entry: entry!,
      opening: opening!,
      proof: result.proof,
      checkpoint: result.checkpoint,
    });
    return { eventId, index: result.index, time: result.time, opening: opening!, receipt };
  }

  /**
   * Records a non-owner's read of `deposit` unless the same actor's same read is inside its
   * window (./window.ts: the details and the receipt are one view); resolves once the event is
   * durable. Call before sending the body.
   * @throws CustodyError CUSTODY_UNAVAILABLE when the event cannot be appended.
   */
  async noteRead(
    deposit: CustodyDeposit,
    actor: CustodyActor,
    read: DepositRead,
    detail: CustodyDetail = {},
  ): Promise<void> {
    const { what, windowMs } = readWindow(read);
    const key = `${actor.account}|${deposit.index}|${what}`;
    const readDetail: CustodyDetail =
      read.kind === 'downloaded'
        ? {
            file: read.file,
            name: deposit.opening.files[read.file]?.name ?? '',
            sha256: deposit.opening.files[read.file]?.sha256 ?? '',
            ...detail,
          }
        : read.resource === 'certificate'
          ? { resource: read.resource, certificate: read.certificate, ...detail }
          : { resource: read.resource, ...detail };
    try {
      await this.windows.once(key, windowMs, () =>
        this.record({ deposit, event: read.kind, actor, detail: readDetail }),
      );
    } catch (cause) {
      throw new CustodyError(
        'CUSTODY_UNAVAILABLE',
        'the access could not be recorded on the log; nothing was sent, retry shortly',
        { cause, details: { retryAfter: 5 } },
      );
    }
  }

  /** The deposit's stored custody events in log order (no proofs). */
  async events(depositIndex: number): Promise<CustodyRecord[]> {
    const out: CustodyRecord[] = [];
    for await (const [, value] of this.deps.records.scan(custodyPrefix(depositIndex))) {
      out.push(parseCustodyRecord(value));
    }
    return out;
  }

  /**
   * The deposit's whole custody trail in log order, each event with a receipt proving its
   * inclusion in the log's current checkpoint (one checkpoint for the whole trail), as `reader`
   * may see it (./disclosure.ts; default the owner: everything).
   */
  async trail(depositIndex: number, reader: TrailReader = OWNER_READER): Promise<TrailItem[]> {
    return (await this.trailPage(depositIndex, reader)).items;
  }

  /**
   * One page of the trail (`GET …/custody?limit=&cursor=&event=`): the events of `query.events`
   * (all when absent) after the log index `query.after`, `query.limit` of them (all when absent),
   * in log order, each with a receipt under the log's checkpoint when the page is read.
   */
  async trailPage(
    depositIndex: number,
    reader: TrailReader = OWNER_READER,
    query: TrailQuery = {},
  ): Promise<TrailPage> {
    const events = await this.events(depositIndex);
    const { sequencer, vkey } = this.deps;
    // Read after the scan: an event whose batch is on disk but not yet acknowledged is left out.
    const checkpoint = sequencer.current().checkpoint;
    const size = parseCheckpoint(checkpoint.slice(0, checkpoint.lastIndexOf('\n\n') + 1)).size;
    const wanted = query.events !== undefined && query.events.length > 0 ? query.events : undefined;
    const matching = events.filter(
      (e) => e.index < size && (wanted === undefined || wanted.includes(e.opening.event)),
    );
    const after = query.after;
    const rest = after === undefined ? matching : matching.filter((e) => e.index > after);
    const page = query.limit === undefined ? rest : rest.slice(0, query.limit);
    const last = page.at(-1);
    const items = await Promise.all(
      page.map(async (e): Promise<TrailItem> => {
        const proof = await sequencer.reader.inclusionProof(e.index, size);
        const o = e.opening;
        const receipt = makeReceipt({
          logKey: vkey,
          index: e.index,
          entry: makeEntry('custody', e.tag, o.time, o).bytes,
          opening: o,
          proof,
          checkpoint,
        });
        const withheld = withheldKeys(o, reader);
        if (withheld.length === 0 || !o.detail)
          return { ...itemFacts(o), ...(o.detail ? { detail: o.detail } : {}), receipt };
        return {
          ...itemFacts(o),
          detail: withoutKeys(o.detail, withheld),
          withheld,
          receipt: withoutOpening(receipt),
        };
      }),
    );
    return {
      items,
      nextCursor: last !== undefined && page.length < rest.length ? String(last.index) : null,
      total: matching.length,
    };
  }
}

/** The facts of an event every reader of its trail sees. */
function itemFacts(o: CustodyOpening): Pick<TrailItem, 'eventId' | 'event' | 'actor' | 'time'> {
  return {
    eventId: o.eventId,
    event: o.event,
    actor: { role: o.actor.role, displayName: o.actor.displayName },
    time: o.time,
  };
}

/** The receipt without its opening: inclusion and time proven, the committed facts hidden. */
function withoutOpening(r: Receipt): WithheldReceipt {
  return {
    format: r.format,
    logKey: r.logKey,
    index: r.index,
    entry: r.entry,
    proof: r.proof,
    checkpoint: r.checkpoint,
  };
}
