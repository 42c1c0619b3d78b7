/** The API shapes the pages read (DESIGN §9). Fields the server may add are simply not read. */

export type Role = 'depositor' | 'notary' | 'judge' | 'admin';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly displayName: string;
  readonly court?: string;
  /** Judges: the listed court they are bound to. */
  readonly courtId?: string;
  readonly office?: string;
  readonly realName?: string;
  readonly idMasked?: string;
  readonly disabled?: boolean;
  /** The admin's list: why a disabled account was disabled. */
  readonly disabledReason?: string;
  readonly createdAt?: string;
}

export interface Session {
  readonly token: string;
  readonly user: User;
  readonly expiresAt?: string;
}

export interface FileItem {
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly sha256: string;
  readonly sm3?: string;
}

export type ApplicationState =
  'submitted' | 'in_review' | 'approved' | 'issued' | 'rejected' | 'withdrawn';

export const APPLICATION_STATES: readonly ApplicationState[] = [
  'submitted',
  'in_review',
  'approved',
  'issued',
  'rejected',
  'withdrawn',
];

export interface NotarisationSummary {
  readonly applicationId: string;
  readonly state: ApplicationState;
  readonly certificateNumber?: string;
}

export interface Deposit {
  readonly id: string;
  readonly index?: number;
  readonly title: string;
  readonly description?: string;
  readonly method?: 'upload' | 'hash-only';
  readonly createdAt: string;
  readonly files: readonly FileItem[];
  readonly depositor?: { readonly name: string; readonly idMasked: string; verification: string };
  readonly agent?: { readonly name: string; readonly office?: string };
  readonly notarisation: NotarisationSummary | null;
}

/**
 * A deposit as a notary's or judge's list shows it (the owner's list shows {@link Deposit}):
 * number, time, notarisation state and the share's court — the rest is a recorded read.
 */
export interface ListedDeposit {
  readonly id: string;
  readonly index?: number;
  readonly createdAt: string;
  readonly notarisation: NotarisationSummary | null;
  readonly share?: { readonly court: string };
}

export interface Application {
  readonly id: string;
  readonly depositId: string;
  readonly state: ApplicationState;
  readonly purpose: string;
  readonly contact: string;
  readonly note?: string;
  readonly applicant: { readonly displayName: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly claimedBy?: { readonly displayName: string };
  readonly decision?: {
    readonly decision?: string;
    readonly reason?: string;
    readonly at?: string;
    readonly examination?: Examination;
  };
  readonly certificateNumber?: string;
  readonly issuedAt?: string;
  readonly history: readonly {
    readonly state: ApplicationState;
    readonly time: string;
    readonly actor: { readonly role: string; readonly displayName: string };
    readonly reason?: string;
  }[];
}

export interface Share {
  readonly id: string;
  readonly depositId: string;
  readonly court: string;
  /** The listed court; absent for a share made before the list to a court not in it. */
  readonly courtId?: string;
  readonly caseNumber: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  readonly state: string;
  readonly revokedAt?: string;
  readonly redemptions: readonly {
    readonly judge: { readonly displayName: string; readonly court: string };
    readonly at: string;
  }[];
}

export interface CustodyItem {
  readonly eventId: string;
  readonly event: string;
  readonly actor: { readonly role: string; readonly displayName: string };
  readonly time: string;
  readonly detail?: unknown;
  readonly receipt: { readonly index: number };
}

/** One check of a verification (src/verify `Check`). */
export interface CheckView {
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: { readonly zh: string; readonly en: string };
}

/** A listed court (`GET /api/v1/courts`; the admin's list adds state). */
export interface Court {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly region?: string;
  readonly disabled?: boolean;
  readonly createdAt?: string;
}

/** One of the platform's own checks of a decision (src/notary/examination.ts). */
export interface SystemCheck {
  readonly id: 'files' | 'commitment' | 'inclusion' | 'signature';
  readonly result: 'pass' | 'fail' | 'not-applicable';
  readonly files?: number;
  readonly failed?: readonly number[];
}

export interface SystemChecks {
  readonly at: string;
  readonly treeSize: number;
  readonly logKey?: string;
  readonly checks: readonly SystemCheck[];
}

export type IdentitySeen = 'in-person' | 'video' | 'not-seen';

/** What a decision examined: the platform's checks, the notary's attestations, the opinion. */
export interface Examination {
  readonly system: SystemChecks;
  readonly attestations: {
    readonly identity: IdentitySeen;
    readonly custodyTrailReviewed: boolean;
  };
  readonly opinion?: string;
}

/** A counter deposit the notary made (`GET /api/v1/notary/counter-deposits`). */
export interface CounterDepositItem {
  readonly depositId: string;
  readonly title: string;
  readonly client: string;
  readonly clientIdMasked?: string;
  readonly createdAt: string;
  readonly claim: {
    readonly state: 'open' | 'claimed' | 'expired' | 'locked';
    readonly expiresAt: string;
    readonly reissuedAt?: string;
    readonly claimedAt?: string;
  };
}
