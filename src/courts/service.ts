/**
 * The court list the administrator maintains (docs/courts.md): courts are created, renamed,
 * disabled and enabled, each change an `admin` entry written in one batch with the court's new
 * record; names are unique after NFKC. Everything is in memory (loaded at start), so resolving
 * the court of a share or a judge costs no I/O.
 */
import { type AdminActor, type AdminAppender, persistWithAdminEntry } from '../accounts/index.js';
import type { AppendResult } from '../sequencer/index.js';
import { KeyedLock, type RecordStore } from '../storage/index.js';
import { CourtError } from './errors.js';
import type { CourtChange, CourtRef, NewCourt } from './input.js';
import {
  adminCourt,
  COURT_ID_PATTERN,
  COURT_PREFIX,
  courtNameKey,
  courtWrite,
  newCourtId,
  parseCourtRecord,
  type CourtRecord,
} from './records.js';

export interface CourtServiceDeps {
  /** The record store (LevelStore). */
  readonly records: Pick<RecordStore, 'scan' | 'get'>;
  /** The log (Sequencer), for admin entries. */
  readonly log: AdminAppender;
  /** Receives every admin entry appended (metrics, tests). */
  readonly onAdminEntry?: (result: AppendResult, actionId: string) => void;
}

/** Options of {@link CourtService.list}. */
export interface CourtQuery {
  /** Search text: contained in the name, English name or region (NFKC, case-insensitive). */
  readonly q?: string;
  /** Include disabled courts (the administrator's list). */
  readonly includeDisabled?: boolean;
}

const collator = new Intl.Collator('zh-CN');

export class CourtService {
  private readonly byId = new Map<string, CourtRecord>();
  private readonly byKey = new Map<string, string>();
  /** One lock for every change: a rename must see every other name. */
  private readonly lock = new KeyedLock();

  private constructor(private readonly deps: CourtServiceDeps) {}

  /**
   * Loads every court into memory.
   * @throws CourtError COURT_STORE_CORRUPT for an unreadable record.
   */
  static async open(deps: CourtServiceDeps): Promise<CourtService> {
    const s = new CourtService(deps);
    const all: CourtRecord[] = [];
    for await (const [key, value] of deps.records.scan(COURT_PREFIX))
      all.push(parseCourtRecord(key, value));
    // Oldest first: should a batch in doubt ever have left two courts of one name, the first
    // keeps the name (the other stays reachable by id).
    all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    for (const c of all) s.remember(c);
    return s;
  }

  /** How many courts are listed (disabled ones included). */
  get size(): number {
    return this.byId.size;
  }

  /** The courts matching `query`, by name in Chinese collation order. */
  list(query: CourtQuery = {}): CourtRecord[] {
    const q = query.q === undefined ? '' : courtNameKey(query.q);
    return [...this.byId.values()]
      .filter((c) => query.includeDisabled === true || !c.disabled)
      .filter((c) => q === '' || matches(c, q))
      .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  }

  /** The court with this id, if listed. */
  get(id: string): CourtRecord | undefined {
    return COURT_ID_PATTERN.test(id) ? this.byId.get(id) : undefined;
  }

  /** The court whose name has the same {@link courtNameKey} as `name`, if listed. */
  byName(name: string): CourtRecord | undefined {
    const id = this.byKey.get(courtNameKey(name));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The current name of court `id` (undefined when it is not listed). */
  nameOf(id: string): string | undefined {
    return this.get(id)?.name;
  }

  /**
   * The listed court `ref` names, for something new (a share, a judge): it must be listed and
   * enabled.
   * @throws CourtError COURT_UNKNOWN, COURT_DISABLED
   */
  resolve(ref: CourtRef): CourtRecord {
    const court = 'courtId' in ref ? this.get(ref.courtId) : this.byName(ref.name);
    if (!court) {
      throw new CourtError(
        'COURT_UNKNOWN',
        'courtId' in ref
          ? 'no listed court has this courtId; pick one from GET /api/v1/courts'
          : 'no listed court has this name; pick one from GET /api/v1/courts',
        { details: { field: 'courtId' in ref ? 'courtId' : 'court' } },
      );
    }
    if (court.disabled)
      throw new CourtError('COURT_DISABLED', `the court ${court.name} is disabled in the list`);
    return court;
  }

  /**
   * Lists a new court (`court-created` admin entry by `actor`).
   * @throws CourtError COURT_NAME_TAKEN; SequencerError when the log cannot append.
   */
  create(actor: AdminActor, input: NewCourt): Promise<CourtRecord> {
    return this.lock.run('courts', async () => {
      this.assertNameFree(input.name);
      const draft: Omit<CourtRecord, 'createdAt'> = {
        v: 1,
        id: newCourtId(),
        name: input.name,
        ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
        ...(input.region !== undefined ? { region: input.region } : {}),
        disabled: false,
      };
      return this.persist(actor, 'court-created', draft.id, (time) => ({
        ...draft,
        createdAt: time,
      }));
    });
  }

  /**
   * Renames, disables or enables a court (`court-updated` admin entry by `actor`); a change that
   * changes nothing writes nothing.
   * @throws CourtError COURT_NOT_FOUND, COURT_NAME_TAKEN; SequencerError
   */
  update(actor: AdminActor, id: string, change: CourtChange): Promise<CourtRecord> {
    return this.lock.run('courts', async () => {
      const current = this.get(id);
      if (!current) throw new CourtError('COURT_NOT_FOUND', 'no listed court has this id');
      const next: Omit<CourtRecord, 'updatedAt'> = {
        ...current,
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.nameEn !== undefined ? { nameEn: change.nameEn } : {}),
        ...(change.region !== undefined ? { region: change.region } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      };
      const same =
        next.name === current.name &&
        next.nameEn === current.nameEn &&
        next.region === current.region &&
        next.disabled === current.disabled;
      if (same) return current;
      if (next.name !== current.name) this.assertNameFree(next.name, id);
      return this.persist(actor, 'court-updated', id, (time) => ({ ...next, updatedAt: time }));
    });
  }

  private assertNameFree(name: string, except?: string): void {
    const holder = this.byKey.get(courtNameKey(name));
    if (holder !== undefined && holder !== except)
      throw new CourtError('COURT_NAME_TAKEN', 'another listed court has this name', {
        details: { field: 'name' },
      });
  }

  /** Writes the court made at the entry's time in the batch of its admin entry. */
  private async persist(
    actor: AdminActor,
    action: 'court-created' | 'court-updated',
    id: string,
    at: (time: string) => CourtRecord,
  ): Promise<CourtRecord> {
    let court: CourtRecord | undefined;
    // The subject is the court's state after the action; `at` only adds times to it.
    const subject = { court: adminCourt(at('')) };
    const persist = persistWithAdminEntry(
      this.deps.log,
      action,
      actor,
      subject,
      this.deps.onAdminEntry,
    );
    try {
      await persist((time) => {
        court = at(time);
        return [courtWrite(court)];
      });
    } catch (err) {
      // A batch in doubt may be on disk: take the record as stored, if it is.
      const raw = await this.deps.records.get(COURT_PREFIX + id).catch(() => undefined);
      if (raw) this.remember(parseCourtRecord(COURT_PREFIX + id, raw));
      throw err;
    }
    this.remember(court!);
    return court!;
  }

  private remember(c: CourtRecord): void {
    const previous = this.byId.get(c.id);
    if (previous && this.byKey.get(courtNameKey(previous.name)) === c.id)
      this.byKey.delete(courtNameKey(previous.name));
    this.byId.set(c.id, c);
    const key = courtNameKey(c.name);
    if (!this.byKey.has(key)) this.byKey.set(key, c.id);
  }
}

function matches(c: CourtRecord, q: string): boolean {
  return [c.name, c.nameEn, c.region].some((v) => v !== undefined && courtNameKey(v).includes(q));
}
