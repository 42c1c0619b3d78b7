/**
 * What a custody trail shows to whom (docs/SECURITY.md, "A curious notary or judge"). Reading the
 * trail is not a custody event, so it must not reveal what a recorded read would: the owner sees
 * every event whole; anyone else sees the facts of each event (what, who, when, its place in the
 * log) but not
 * - a share's court, case number and expiry, unless they are a judge of the court it names;
 * - the name and digest of a downloaded file, which stay behind the recorded read of the details.
 * A withheld item names the detail keys left out, and its receipt carries no opening (the
 * opening commits to them): the entry, proof and checkpoint still prove the event's inclusion
 * and time, and the custody tag still lets a court count the trail complete.
 */
import { sameCourt } from '../courts/index.js';
import type { CustodyDetail, CustodyOpening } from './events.js';

/** Who reads a trail, as the disclosure rules see them. */
export interface TrailReader {
  /** Whether the reader owns the deposit. */
  readonly owner: boolean;
  readonly role: string;
  /** A judge's court: its name, and its id in the court list (docs/courts.md). */
  readonly court?: string;
  readonly courtId?: string;
}

/** The owner's view: everything. */
export const OWNER_READER: TrailReader = { owner: true, role: 'depositor' };

/** The detail keys of a share shown only to the owner and the court it names. */
export const SHARE_DETAIL_KEYS = ['court', 'courtId', 'caseNumber', 'expiresAt'] as const;
/** The detail keys of a downloaded file shown only to the owner. */
export const FILE_DETAIL_KEYS = ['name', 'sha256'] as const;

/** The detail keys of `opening` that `reader` may not see (empty: the whole event). */
export function withheldKeys(opening: CustodyOpening, reader: TrailReader): string[] {
  const detail = opening.detail;
  if (reader.owner || detail === undefined) return [];
  const out: string[] = [];
  const court = detail.court;
  const courtId = typeof detail.courtId === 'string' ? detail.courtId : undefined;
  if (typeof court === 'string' && !namesCourtOf({ court, courtId }, reader))
    out.push(...SHARE_DETAIL_KEYS.filter((k) => k in detail));
  if (opening.event === 'downloaded') out.push(...FILE_DETAIL_KEYS.filter((k) => k in detail));
  return out;
}

/** `detail` without `keys`. */
export function withoutKeys(detail: CustodyDetail, keys: readonly string[]): CustodyDetail {
  return Object.fromEntries(Object.entries(detail).filter(([k]) => !keys.includes(k)));
}

/** Whether `reader` is a judge of the court a share names (by court id when both have one). */
function namesCourtOf(
  share: { readonly court: string; readonly courtId: string | undefined },
  reader: TrailReader,
): boolean {
  return reader.role === 'judge' && sameCourt(share, reader);
}
