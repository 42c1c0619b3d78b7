/**
 * The deposit page's documents card (docs/web.md): the deposit certificate and 核验此存证 in
 * plain words; the log index, the receipt JSON and the tlog-proof text behind 技术详情.
 */
import { currentRole, download } from '../../api.js';
import { h } from '../../dom.js';
import { t, type TextKey } from '../../i18n.js';
import type { Deposit } from '../../types.js';
import { busy, card, copyButton, facts } from '../../ui/common.js';
import { notarialDownload } from '../../ui/deposit-bits.js';

/** A download button with its hint; `tag` names it for tests (`data-download`). */
function downloadItem(
  errors: HTMLElement,
  key: TextKey,
  hint: TextKey,
  path: string,
  name: string,
  tag: string,
): HTMLElement {
  const b = h(
    'button',
    {
      type: 'button',
      class: tag === 'certificate' ? 'btn btn-primary' : 'btn',
      'data-download': tag,
    },
    t(key),
  );
  b.addEventListener('click', () => void busy(b, errors, () => download(path, name)));
  return h('li', null, b, h('span', { class: 'hint' }, t(hint)));
}

/** The technical details: where the deposit is in the log, and the proofs for tools. */
function technicalDetails(d: Deposit, errors: HTMLElement): HTMLElement {
  const base = `/api/v1/deposits/${d.id}`;
  return h(
    'details',
    { class: 'tech', 'data-tech': 'documents' },
    h('summary', null, t('depositPage.tech')),
    h('p', { class: 'small' }, t('depositPage.techLead')),
    d.index !== undefined
      ? facts([
          [
            t('deposit.logIndex'),
            h(
              'span',
              null,
              h('span', { class: 'mono', 'data-log-index': '' }, String(d.index)),
              ' ',
              copyButton(String(d.index)),
              h('span', { class: 'hint' }, ` ${t('depositPage.logIndexHint')}`),
            ),
          ],
        ])
      : null,
    h(
      'ul',
      { class: 'downloads' },
      downloadItem(
        errors,
        'deposit.receipt',
        'deposit.receiptHint',
        `${base}/receipt`,
        `${d.id}.receipt.json`,
        'receipt',
      ),
      downloadItem(
        errors,
        'deposit.tlogProof',
        'deposit.tlogProofHint',
        `${base}/receipt?format=tlog-proof`,
        `${d.id}.tlog-proof`,
        'tlog-proof',
      ),
    ),
  );
}

/** The certificate, the verification link, and the technical details. */
export function documentsCard(d: Deposit): HTMLElement {
  const errors = h('div', { class: 'form-errors' });
  const role = currentRole();
  return card(
    t('deposit.documents'),
    h('p', { class: 'muted small' }, t('depositPage.documentsLead')),
    h(
      'ul',
      { class: 'downloads' },
      downloadItem(
        errors,
        'deposit.certificate',
        'deposit.certificateHint',
        `/api/v1/deposits/${d.id}/certificate.pdf`,
        `${d.id}.pdf`,
        'certificate',
      ),
    ),
    // a judge reads the notarial certificate of a shared deposit here (the owner: notarisation card)
    role === 'judge' && d.notarisation?.state === 'issued'
      ? h(
          'p',
          null,
          notarialDownload(d.notarisation.applicationId, d.notarisation.certificateNumber, errors),
        )
      : null,
    role
      ? h(
          'p',
          null,
          h(
            'a',
            {
              href: `/verify/certificate?id=${d.id}`,
              class: 'btn btn-primary',
              'data-verify-link': '',
            },
            t('deposit.verifyThis'),
          ),
        )
      : null,
    technicalDetails(d, errors),
    errors,
  );
}
