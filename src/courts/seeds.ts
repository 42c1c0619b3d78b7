/**
 * The demo court list (docs/courts.md): outside production, an empty list is filled from
 * `seeds/demo-courts.json` at start, before the demo accounts (the demo judge is bound to
 * 上海市徐汇区人民法院). Production starts with an empty list the administrator fills.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdminActor } from '../accounts/index.js';
import { CourtError } from './errors.js';
import { parseCourtCreate, type NewCourt } from './input.js';
import type { CourtService } from './service.js';

/** `seeds/demo-courts.json` (the same relative path from src/courts and dist/courts). */
export const DEMO_COURTS_FILE = fileURLToPath(
  new URL('../../seeds/demo-courts.json', import.meta.url),
);

/**
 * Reads and checks the court seeds.
 * @throws CourtError COURT_SEEDS_INVALID when the file is unreadable or a court breaks a rule.
 */
export function readCourtSeeds(file: string = DEMO_COURTS_FILE): NewCourt[] {
  let parsed: { courts?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { courts?: unknown };
  } catch (cause) {
    throw new CourtError('COURT_SEEDS_INVALID', `cannot read the court seeds ${file}`, { cause });
  }
  if (!Array.isArray(parsed.courts))
    throw new CourtError('COURT_SEEDS_INVALID', `${file} has no "courts" array`);
  return parsed.courts.map((raw: unknown, i) => {
    try {
      return parseCourtCreate(raw);
    } catch (cause) {
      throw new CourtError(
        'COURT_SEEDS_INVALID',
        `${file}: court ${i}: ${(cause as Error).message}`,
        { cause },
      );
    }
  });
}

/** Options of {@link seedCourts}. */
export interface CourtSeedOptions {
  readonly production: boolean;
  /** false skips the seeds (tests that count log entries). */
  readonly seeds?: boolean;
  /** Default `seeds/demo-courts.json`. */
  readonly file?: string;
  /** Who lists them (the operator at start-up). */
  readonly actor: AdminActor;
}

/**
 * Lists the demo courts when the list is empty, outside production; returns their names.
 * @throws CourtError COURT_SEEDS_INVALID; SequencerError when the log cannot append.
 */
export async function seedCourts(courts: CourtService, o: CourtSeedOptions): Promise<string[]> {
  if (o.production || o.seeds === false || courts.size > 0) return [];
  const names: string[] = [];
  for (const court of readCourtSeeds(o.file)) {
    await courts.create(o.actor, court);
    names.push(court.name);
  }
  return names;
}
