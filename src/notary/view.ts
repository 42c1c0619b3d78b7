/** The API view of an application (its shape: src/api/types.ts): no account ids, only names. */
import type { ApplicationView } from '../api/index.js';
import type { ApplicationRecord } from './records.js';

export type { ApplicationView } from '../api/index.js';

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
