/**
 * A deposit as a non-owner's list shows it (docs/SECURITY.md, "A curious notary or judge"): only
 * what they need to choose — the number, the time, the state of its notarisation application,
 * and the court of the share that lets them read it. Title, names, file names and digests stay
 * behind the recorded read of the details (`GET /api/v1/deposits/:id`), since a list is not a
 * custody event.
 */
import type { ListedDeposit, NotarisationSummary } from '../api/index.js';
import type { DepositRecord } from './records.js';

export type { ListedDeposit } from '../api/index.js';

/**
 * The list item of `record`: its notarisation summary and, for a judge, the share's court.
 * @example listedDeposit(record, notary.summaryOf(record.index), { court: '北京互联网法院' })
 */
export function listedDeposit(
  record: DepositRecord,
  notarisation: NotarisationSummary,
  share?: { readonly court: string },
): ListedDeposit {
  return {
    id: record.number,
    index: record.index,
    createdAt: record.time,
    notarisation,
    ...(share ? { share: { court: share.court } } : {}),
  };
}
