/**
 * The confirmation before 批准: a modal dialog that shows what the notarial certificate's
 * 审查事项 will state — the system checks as last run (they run again at the decision), each
 * attestation the notary made, the opinion — and nothing else.
 * @module
 */
import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import type { Examination, SystemChecks } from '../../types.js';
import { attestationItems, systemChecksList } from './examination.js';

/** What the approval will record, as the page knows it before sending. */
export interface ApprovalSummary {
  readonly system: SystemChecks | undefined;
  readonly attestations: Examination['attestations'];
  readonly opinion: string;
}

/**
 * Shows the dialog inside `host`; resolves true when the notary confirms, false when they go
 * back (the button, Esc or closing it). The dialog is removed either way.
 */
export function confirmApproval(host: HTMLElement, s: ApprovalSummary): Promise<boolean> {
  const titleId = uid('confirm');
  const ok = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-action': 'confirm-approve' },
    t('confirm.ok'),
  );
  const back = h(
    'button',
    { type: 'button', class: 'btn', 'data-action': 'confirm-back' },
    t('confirm.back'),
  );
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': titleId, 'data-dialog': 'confirm-approve' },
    h('h2', { id: titleId }, t('confirm.title')),
    h('p', null, t('confirm.lead')),
    h('h3', null, t('exam.system')),
    s.system ? systemChecksList(s.system) : h('p', { class: 'muted' }, t('exam.systemPending')),
    h('p', { class: 'hint' }, t('confirm.recheck')),
    h('h3', null, t('exam.notary')),
    h(
      'ul',
      { class: 'ticks', 'data-attestations': '' },
      attestationItems(s.attestations).map((x) => h('li', null, x)),
    ),
    h('h3', null, t('exam.opinion')),
    h('p', { class: 'pre', 'data-opinion': '' }, s.opinion),
    h('div', { class: 'actions' }, ok, back),
  );
  host.append(dialog);
  return new Promise((resolve) => {
    const finish = (answer: boolean): void => {
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(answer);
    };
    ok.addEventListener('click', () => finish(true));
    back.addEventListener('click', () => finish(false));
    dialog.addEventListener('close', () => finish(false));
    dialog.showModal();
    back.focus();
  });
}
