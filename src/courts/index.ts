/**
 * The court list (docs/courts.md): the courts the administrator lists, which judges are bound
 * to and depositors share with, matched by id. `openCourts` is what the server calls at start,
 * before the accounts.
 * @module
 */
import type { AdminActor, AdminAppender } from '../accounts/index.js';
import type { AppendResult } from '../sequencer/index.js';
import type { RecordStore } from '../storage/index.js';
import { seedCourts } from './seeds.js';
import { CourtService } from './service.js';

export { CourtError, type CourtErrorCode } from './errors.js';
export {
  COURT_NAME_EN_MAX,
  COURT_QUERY_MAX,
  parseCourtChange,
  parseCourtCreate,
  parseCourtRef,
  type CourtChange,
  type CourtRef,
  type NewCourt,
} from './input.js';
export {
  adminCourtView,
  COURT_ID_PATTERN,
  COURT_PREFIX,
  courtNameKey,
  courtView,
  sameCourt,
  type AdminCourtView,
  type CourtRecord,
  type CourtView,
} from './records.js';
export { CourtService, type CourtQuery, type CourtServiceDeps } from './service.js';
export { DEMO_COURTS_FILE, readCourtSeeds, seedCourts } from './seeds.js';
export { syncJudgeCourts, type JudgeSync } from './judges.js';

export interface OpenCourtsOptions {
  /** The record store (LevelStore). */
  readonly store: Pick<RecordStore, 'scan' | 'get'>;
  /** The log (Sequencer), for admin entries. */
  readonly log: AdminAppender;
  readonly production: boolean;
  /** false skips the demo courts (default: list them when the list is empty outside production). */
  readonly seeds?: boolean;
  readonly seedsFile?: string;
  /** Who lists the demo courts (the operator at start-up). */
  readonly actor: AdminActor;
  readonly onAdminEntry?: (result: AppendResult, actionId: string) => void;
}

/**
 * Loads the court list and, outside production, lists the demo courts when it is empty.
 * @throws CourtError COURT_STORE_CORRUPT, COURT_SEEDS_INVALID; SequencerError
 */
export async function openCourts(
  options: OpenCourtsOptions,
): Promise<{ courts: CourtService; seeded: readonly string[] }> {
  const courts = await CourtService.open({
    records: options.store,
    log: options.log,
    ...(options.onAdminEntry ? { onAdminEntry: options.onAdminEntry } : {}),
  });
  const seeded = await seedCourts(courts, {
    production: options.production,
    actor: options.actor,
    ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
    ...(options.seedsFile !== undefined ? { file: options.seedsFile } : {}),
  });
  return { courts, seeded };
}
