/**
 * The review checklist of an application in review (docs/certificates.md, "What the notarial
 * certificate says was examined"): what the platform checks itself (run on the server now, and
 * again at the decision), what the notary attests (how they saw the applicant's identity; the
 * custody trail reviewed), the review opinion (审查意见, required to approve), then 批准 — after a
 * confirmation that shows what the certificate will print — or 驳回 with a reason.
 * @module
 */
import { api } from '../../api.js';
import { h, replace, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import type { Application, Examination, IdentitySeen, SystemChecks } from '../../types.js';
import { busy, errorText, field, loading, notice } from '../../ui/common.js';
import { confirmApproval } from './confirm.js';
import { systemChecksList } from './examination.js';

const IDENTITY: readonly IdentitySeen[] = ['in-person', 'video', 'not-seen'];

/** The checklist and the two decisions; `decided` runs after the server accepted one. */
export function decisionForm(app: Application, decided: () => void): HTMLElement {
  const base = `/api/v1/notary/applications/${app.id}`;
  let system: SystemChecks | undefined;
  const systemSlot = h('div', { 'aria-live': 'polite' }, loading());
  const recheck = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'data-action': 'recheck' },
    t('exam.recheck'),
  );
  const errors = h('div', { class: 'form-errors', 'data-errors': 'decision' });
  const run = async (): Promise<void> => {
    replace(systemSlot, loading());
    try {
      system = (await api<{ system: SystemChecks }>('GET', `${base}/system-checks`)).system;
      const failed = system.checks.some((c) => c.result === 'fail');
      replace(
        systemSlot,
        systemChecksList(system),
        failed ? notice('error', t('exam.failedLead')) : null,
      );
    } catch (err) {
      system = undefined;
      replace(systemSlot, notice('error', errorText(err)));
    }
  };
  recheck.addEventListener('click', () => void busy(recheck, errors, run));

  const groupId = uid('identity');
  const radios = IDENTITY.map((v) => {
    const id = uid('identity');
    const input = h('input', {
      type: 'radio',
      name: 'identitySeen',
      id,
      value: v,
      checked: v === 'not-seen',
    });
    return h(
      'div',
      { class: 'check-row' },
      input,
      h('label', { for: id }, t(`exam.identity.${v}`)),
    );
  });
  const identity = h(
    'fieldset',
    { class: 'field fieldset', 'aria-describedby': `${groupId}-hint` },
    h('legend', null, t('exam.identity.legend')),
    radios,
    h('p', { class: 'hint', id: `${groupId}-hint` }, t('exam.identity.hint')),
  );
  const trailId = uid('trail');
  const trail = h('input', { type: 'checkbox', id: trailId, name: 'custodyTrailReviewed' });
  const trailRow = h(
    'div',
    { class: 'field check-row' },
    trail,
    h('label', { for: trailId }, t('exam.trail')),
  );
  const opinion = field({
    label: t('exam.opinion'),
    name: 'opinion',
    multiline: true,
    maxlength: 2000,
    hint: t('exam.opinionHint'),
  });
  const attestations = (): Examination['attestations'] => ({
    identity:
      (identity.querySelector<HTMLInputElement>('input:checked')?.value as IdentitySeen) ??
      'not-seen',
    custodyTrailReviewed: trail.checked,
  });

  const approve = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-action': 'approve' },
    t('review.approve'),
  );
  approve.addEventListener('click', () => {
    const text = opinion.input.value.trim();
    if (text === '') {
      errors.replaceChildren(notice('error', t('exam.opinionRequired')));
      opinion.input.focus();
      return;
    }
    errors.replaceChildren();
    const a = attestations();
    void confirmApproval(approve.closest('.page') ?? document.body, {
      system,
      attestations: a,
      opinion: text,
    }).then((yes) => {
      if (!yes) return;
      void busy(approve, errors, async () => {
        await api('POST', `${base}/decision`, {
          decision: 'approve',
          opinion: text,
          identitySeen: a.identity,
          custodyTrailReviewed: a.custodyTrailReviewed,
        });
        decided();
      });
    });
  });

  const reason = field({
    label: t('review.reason'),
    name: 'reason',
    multiline: true,
    maxlength: 1000,
    hint: t('review.reasonHint'),
  });
  const reject = h(
    'button',
    { type: 'button', class: 'btn btn-danger', 'data-action': 'reject' },
    t('review.reject'),
  );
  reject.addEventListener('click', () => {
    if (reason.input.value.trim() === '') {
      errors.replaceChildren(notice('error', t('review.reasonRequired')));
      reason.input.focus();
      return;
    }
    const a = attestations();
    void busy(reject, errors, async () => {
      await api('POST', `${base}/decision`, {
        decision: 'reject',
        reason: reason.input.value.trim(),
        identitySeen: a.identity,
        custodyTrailReviewed: a.custodyTrailReviewed,
        ...(opinion.input.value.trim() ? { opinion: opinion.input.value.trim() } : {}),
      });
      decided();
    });
  });

  void run();
  return h(
    'div',
    { class: 'checklist', id: 'checklist', 'data-form': 'decision' },
    h('p', { class: 'muted' }, t('exam.lead')),
    h('div', { class: 'exam-head' }, h('h3', null, t('exam.system')), recheck),
    systemSlot,
    h('h3', null, t('exam.notary')),
    identity,
    trailRow,
    h('p', { class: 'hint' }, t('exam.untickedHint')),
    opinion.wrap,
    errors,
    h('div', { class: 'actions' }, approve),
    h('p', { class: 'divider' }, h('span', null, t('review.or'))),
    reason.wrap,
    h('div', { class: 'actions' }, reject),
  );
}
