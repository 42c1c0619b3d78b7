/**
 * The warning before a depositor deposits a file they already deposited (docs/web.md): the file's
 * SHA-256 (computed here, as for a hash-only deposit) is looked up among their own deposits
 * (`GET /api/v1/deposits?sha256=`); a match is pointed out in the file's row, and the form asks
 * once before it goes on. Uploads larger than {@link DUPLICATE_CHECK_MAX_BYTES} are not hashed
 * for this alone.
 */
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { formatTime, groupDepositNumber } from '../../format.js';
import { t } from '../../i18n.js';
import type { Deposit } from '../../types.js';

/** The largest upload hashed in the browser only to look for an earlier deposit of it. */
export const DUPLICATE_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** How many earlier deposits of one file are named. */
const SHOWN = 3;

/**
 * The depositor's own deposits holding `file`, newest first; none when its digest cannot be
 * had or the lookup fails (the warning is a help, never a reason not to deposit).
 */
export async function findDuplicates(
  digests: () => Promise<{ readonly sha256: string } | undefined>,
): Promise<readonly Deposit[]> {
  try {
    const d = await digests();
    if (!d) return [];
    const r = await api<{ items: Deposit[] }>(
      'GET',
      `/api/v1/deposits?sha256=${d.sha256}&limit=${SHOWN}`,
    );
    return r.items;
  } catch {
    return [];
  }
}

/** In a file's row: the earlier deposits of this very file, each a link. */
export function duplicateNotice(found: readonly Deposit[]): HTMLElement {
  return h(
    'div',
    { class: 'notice notice-warn dup', role: 'status', 'data-duplicate-of': found[0]!.id },
    h('p', null, t('dup.already')),
    h(
      'ul',
      null,
      found.map((d) =>
        h(
          'li',
          null,
          h('a', { href: `/deposits/${d.id}` }, groupDepositNumber(d.id)),
          ' ',
          t('dup.item', { title: d.title, time: formatTime(d.createdAt) }),
        ),
      ),
    ),
  );
}

/** Under the form: which files were deposited before, and a button to deposit them again. */
export function duplicatesWarning(names: readonly string[], go: () => void): HTMLElement {
  const again = h(
    'button',
    { type: 'button', class: 'btn', 'data-deposit-again': '' },
    t('dup.again'),
  );
  again.addEventListener('click', go);
  return h(
    'div',
    { class: 'notice notice-warn', role: 'alert', 'data-duplicates-warning': '' },
    h('p', null, h('strong', null, t('dup.title', { names: names.join(t('verify.listSep')) }))),
    h('p', null, t('dup.explain')),
    h('p', { class: 'actions' }, again),
  );
}
