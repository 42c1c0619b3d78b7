/**
 * Judges and the court list (docs/courts.md). A judge made before the list carries a free-text
 * court; when a listed court has the same name after NFKC, the judge is bound to it (an
 * `account-court-changed` admin entry). A bound judge's displayed court follows renames. This
 * runs at start and after each change to the list; a judge whose court matches no listed name
 * keeps working as before (matched by name) until the administrator lists that court.
 */
import type { AdminActor, AccountService } from '../accounts/index.js';
import type { CourtService } from './service.js';

/** What {@link syncJudgeCourts} changed. */
export interface JudgeSync {
  /** Judges bound to a listed court now. */
  readonly bound: number;
  /** Bound judges whose court name followed a rename. */
  readonly renamed: number;
}

/**
 * Binds free-text judges to listed courts of the same name and refreshes bound judges' court
 * names; `actor` is recorded in the binding entries (the operator at start, else the admin).
 * @throws SequencerError when the log cannot append a binding.
 */
export async function syncJudgeCourts(
  accounts: AccountService,
  courts: CourtService,
  actor: AdminActor,
): Promise<JudgeSync> {
  let bound = 0;
  let renamed = 0;
  for (const judge of accounts.store.list()) {
    if (judge.role !== 'judge') continue;
    if (judge.courtId !== undefined) {
      const court = courts.get(judge.courtId);
      if (court && court.name !== judge.court) {
        await accounts.refreshCourtName(judge.id, court);
        renamed++;
      }
    } else if (judge.court !== undefined) {
      const court = courts.byName(judge.court);
      if (court) {
        await accounts.setCourt(actor, judge.id, court);
        bound++;
      }
    }
  }
  return { bound, renamed };
}
