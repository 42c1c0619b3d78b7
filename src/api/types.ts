/**
 * The shapes of the API's responses (docs/api.md), defined once: the server's views build them
 * and the web app reads them (`import type`). Type-only, importing only pure modules, so the web
 * app's type check and build can include it (web/tsconfig.json has no Node types).
 * @module
 */
import type { Role } from '../accounts/roles.js';
import type { CustodyDetail, CustodyEvent } from '../custody/events.js';
import type { Receipt } from '../evidence/receipt.js';
import type { DepositMethod, FileItem } from '../evidence/opening.js';
import type { Examination } from '../notary/examination.js';
import type { ApplicationState } from '../notary/state.js';

export type { Role } from '../accounts/roles.js';
export type { DepositMethod, FileItem } from '../evidence/opening.js';
export type {
  Attestations,
  Examination,
  IdentitySeen,
  SystemCheck,
  SystemChecks,
} from '../notary/examination.js';
export type { ApplicationState } from '../notary/state.js';

// accounts

/** `user` in responses (docs/api.md): `{id, username, role, displayName}` plus court/office. */
export interface PublicUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly displayName: string;
  readonly court?: string;
  readonly courtId?: string;
  readonly office?: string;
}

/** The caller's own account (`/auth/me`) and the admin's list: adds masked ID and state. */
export interface SelfUser extends PublicUser {
  readonly realName?: string;
  readonly idMasked?: string;
  readonly disabled: boolean;
  /** The admin's view of a disabled account: why it was disabled. */
  readonly disabledReason?: string;
  readonly createdAt: string;
}

// deposits

/** What a deposit looks like in API responses (docs/api.md). */
export interface DepositView {
  readonly id: string;
  readonly index: number;
  readonly title: string;
  readonly description: string;
  readonly method: DepositMethod;
  readonly createdAt: string;
  readonly files: readonly FileItem[];
  readonly depositor: {
    readonly name: string;
    readonly idMasked: string;
    readonly verification: string;
  };
  /** A counter deposit's notary and office (the opening's agent, without the account). */
  readonly agent?: { readonly name: string; readonly office: string };
  readonly notarisation: NotarisationSummary;
}

/** `deposit.notarisation`: the deposit's latest application, null when there is none. */
export type NotarisationSummary = null | {
  readonly applicationId: string;
  readonly state: ApplicationState;
  readonly certificateNumber?: string;
};

/**
 * One item of a notary's or judge's `GET /api/v1/deposits`, and a judge's redemption answer: the
 * rest is behind the recorded read of the details (src/evidence/list-item.ts).
 */
export interface ListedDeposit {
  readonly id: string;
  readonly index: number;
  readonly createdAt: string;
  readonly notarisation: NotarisationSummary;
  /** Present when the reader reads through a court share: the share's court. */
  readonly share?: { readonly court: string };
}

// notarisation

/** A notary's decision on an application. */
export interface ApplicationDecision {
  readonly decision: 'approve' | 'reject';
  readonly reason?: string;
  readonly at: string;
  /** What was examined (decisions made before the checklist have none). */
  readonly examination?: Examination;
}

/** What an application looks like in API responses (docs/api.md): no account ids, only names. */
export interface ApplicationView {
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
  readonly decision?: ApplicationDecision;
  readonly certificateNumber?: string;
  readonly issuedAt?: string;
  readonly history: readonly {
    readonly state: ApplicationState;
    readonly eventId: string;
    readonly time: string;
    readonly actor: { readonly role: string; readonly displayName: string };
    readonly reason?: string;
  }[];
}

// custody

/** A receipt whose opening is withheld from the trail's reader (./disclosure.ts). */
export type WithheldReceipt = Omit<Receipt, 'opening'>;

/** One item of `GET /api/v1/deposits/:id/custody` (docs/api.md). */
export interface TrailItem {
  readonly eventId: string;
  readonly event: CustodyEvent;
  readonly actor: { readonly role: string; readonly displayName: string };
  readonly time: string;
  readonly detail?: CustodyDetail;
  /** The detail keys left out for this reader; then the receipt carries no opening. */
  readonly withheld?: readonly string[];
  readonly receipt: Receipt | WithheldReceipt;
}

// counter deposits

/** Where a claim code stands. */
export type ClaimState = 'open' | 'claimed' | 'expired' | 'locked';

/** A counter deposit the notary made (`GET /api/v1/notary/counter-deposits`). */
export interface CounterDepositItem {
  readonly depositId: string;
  readonly title: string;
  readonly client: string;
  readonly clientIdMasked?: string;
  readonly createdAt: string;
  readonly claim: {
    readonly state: ClaimState;
    readonly expiresAt: string;
    readonly reissuedAt?: string;
    readonly claimedAt?: string;
  };
}

// court shares and the court list

/** Where a share stands at a time. */
export type ShareState = 'active' | 'expired' | 'revoked';

/** What a share looks like to its depositor (docs/api.md: list → `{items}` with redemptions). */
export interface ShareView {
  readonly id: string;
  readonly depositId: string;
  /** The court's current canonical name (the name when shared for a court not in the list). */
  readonly court: string;
  /** The listed court; absent for a share made before the list to a court not in it. */
  readonly courtId?: string;
  readonly caseNumber: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  readonly state: ShareState;
  readonly revokedAt?: string;
  readonly redemptions: readonly {
    readonly judge: { readonly displayName: string; readonly court: string };
    readonly at: string;
  }[];
}

/** What anyone sees of a court (`GET /api/v1/courts`). */
export interface CourtView {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly region?: string;
}

/** What the administrator sees (`GET /api/v1/admin/courts`). */
export interface AdminCourtView extends CourtView {
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt?: string;
}
