/** What an application looks like in API responses (DESIGN §9): no account ids, only names. */
import type { ApplicationRecord } from './records.js';
import type { ApplicationState } from './state.js';

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
  readonly decision?: ApplicationRecord['decision'];
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

/** The API view of an application. */
export function applicationView(a: ApplicationRecord): ApplicationView {
  return {
    id: a.id,
    depositId: a.depositId,
    state: a.state,
    purpose: a.purpose,
    contact: a.contact,
    ...(a.note !== undefined ? { note: a.note } : {}),
    applicant: { displayName: a.applicant.displayName },
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    ...(a.claimedBy ? { claimedBy: { displayName: a.claimedBy.displayName } } : {}),
    ...(a.decision ? { decision: a.decision } : {}),
    ...(a.certificateNumber ? { certificateNumber: a.certificateNumber } : {}),
    ...(a.issuedAt ? { issuedAt: a.issuedAt } : {}),
    history: a.history.map((h) => ({
      state: h.state,
      eventId: h.eventId,
      time: h.time,
      actor: { role: h.actor.role, displayName: h.actor.displayName },
      ...(h.reason !== undefined ? { reason: h.reason } : {}),
    })),
  };
}
