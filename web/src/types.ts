/**
 * The API shapes the pages read (docs/api.md): the server's own (src/api/types.ts), and a few the
 * app defines itself where the server has no single type. Fields the server may add are simply
 * not read.
 */
import type { AdminCourtView, CourtView, PublicUser, SelfUser } from '../../src/api/types.js';

export type {
  ApplicationState,
  CounterDepositItem,
  ApplicationView as Application,
  DepositView as Deposit,
  Examination,
  FileItem,
  IdentitySeen,
  ListedDeposit,
  NotarisationSummary,
  Role,
  ShareView as Share,
  SystemCheck,
  SystemChecks,
  TrailItem as CustodyItem,
} from '../../src/api/types.js';

/** A user as any response gives it: a session's, the caller's own, or the admin's list. */
export type User = PublicUser & Partial<Omit<SelfUser, keyof PublicUser>>;

export interface Session {
  readonly token: string;
  readonly user: User;
  readonly expiresAt?: string;
}

/** A listed court (`GET /api/v1/courts`; the admin's list adds its state). */
export type Court = CourtView & Partial<Omit<AdminCourtView, keyof CourtView>>;

/** One check of a verification (src/verify `Check`). */
export interface CheckView {
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: { readonly zh: string; readonly en: string };
}
