/**
 * The examination of a notarisation decision (审查, docs/certificates.md "What the notarial
 * certificate says was examined"), pure: what the platform checked itself when the notary
 * decided (the stored files' digests recomputed, the log entry's commitment, its inclusion and
 * the checkpoint's signature, each with its result), what the notary attests (how they saw the
 * applicant's identity; that they reviewed the custody trail) and the review opinion (审查意见).
 * It is stored with the decision, committed to by the decision's custody event, and the notarial
 * certificate prints exactly it.
 */
import type { CustodyDetail } from '../custody/events.js';
import type { JsonValue } from '../entry/index.js';

/** The checks the platform runs at decision time, in the order the certificate prints them. */
export const SYSTEM_CHECK_IDS = ['files', 'commitment', 'inclusion', 'signature'] as const;
export type SystemCheckId = (typeof SYSTEM_CHECK_IDS)[number];

/** `not-applicable`: a hash-only deposit has no stored files whose digests could be recomputed. */
export type SystemCheckResult = 'pass' | 'fail' | 'not-applicable';

/** One system check and its result. */
export interface SystemCheck {
  readonly id: SystemCheckId;
  readonly result: SystemCheckResult;
  /** `files`: how many stored files were read and hashed again (SHA-256 and SM3). */
  readonly files?: number;
  /** `files`: 0-based positions of the files that are missing or no longer match. */
  readonly failed?: readonly number[];
}

/** The system checks of one decision. */
export interface SystemChecks {
  /** When they ran (RFC 3339 UTC). */
  readonly at: string;
  /** The size of the checkpoint the inclusion was verified in. */
  readonly treeSize: number;
  /** `<name>+<key id>` of the log key the checkpoint's signature verified with (if it did). */
  readonly logKey?: string;
  readonly checks: readonly SystemCheck[];
}

/** How the notary saw the applicant's identity document. */
export const IDENTITY_SEEN = ['in-person', 'video', 'not-seen'] as const;
export type IdentitySeen = (typeof IDENTITY_SEEN)[number];

/** What the notary attests; nothing is presumed (`not-seen`, `false` unless they say so). */
export interface Attestations {
  readonly identity: IdentitySeen;
  /** The notary reviewed the deposit's custody trail and found nothing irregular. */
  readonly custodyTrailReviewed: boolean;
}

/** Nothing attested. */
export const NO_ATTESTATIONS: Attestations = { identity: 'not-seen', custodyTrailReviewed: false };

/** The examination stored with a decision. */
export interface Examination {
  readonly system: SystemChecks;
  readonly attestations: Attestations;
  /** 审查意见 (multi-line); required to approve. */
  readonly opinion?: string;
}

/** The ids of the system checks that failed (an approval is refused while there are any). */
export function failedChecks(system: SystemChecks): SystemCheckId[] {
  return system.checks.filter((c) => c.result === 'fail').map((c) => c.id);
}

/** The examination as the decision's custody event commits to it (plain JSON). */
export function examinationDetail(e: Examination): CustodyDetail {
  const checks: JsonValue[] = e.system.checks.map((c) => ({
    id: c.id,
    result: c.result,
    ...(c.files !== undefined ? { files: c.files } : {}),
    ...(c.failed !== undefined ? { failed: [...c.failed] } : {}),
  }));
  return {
    system: {
      at: e.system.at,
      treeSize: e.system.treeSize,
      ...(e.system.logKey !== undefined ? { logKey: e.system.logKey } : {}),
      checks,
    },
    attestations: {
      identity: e.attestations.identity,
      custodyTrailReviewed: e.attestations.custodyTrailReviewed,
    },
    ...(e.opinion !== undefined ? { opinion: e.opinion } : {}),
  };
}
