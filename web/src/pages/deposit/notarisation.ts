/**
 * The owner's notarisation card on the deposit page: apply for notarisation, follow the
 * application (state, notary, history), withdraw it, and download the notarial certificate.
 */
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { formatTime } from '../../format.js';
import { t } from '../../i18n.js';
import type { TextKey } from '../../texts.js';
import type { Application, Deposit } from '../../types.js';
import { busy, card, facts, field, notice } from '../../ui/common.js';
import { notarialDownload, stateBadge } from '../../ui/deposit-bits.js';

/** The notarisation card of the owner: apply, or follow the application. */
export async function notarisationCard(d: Deposit, reload: () => void): Promise<HTMLElement> {
  const box = card(t('notarisation.title'));
  const errors = h('div', { class: 'form-errors' });
  const n = d.notarisation;
  const canApply = !n || n.state === 'rejected' || n.state === 'withdrawn';
  if (n) {
    let app: Application | undefined;
    try {
      app = (
        await api<{ application: Application }>(
          'GET',
          `/api/v1/notary/applications/${n.applicationId}`,
        )
      ).application;
    } catch {
      app = undefined;
    }
    const rows: (readonly [string, HTMLElement | string] | null)[] = [
      [t('notarisation.state'), stateBadge(n.state)],
      [t('notarisation.application'), h('span', { class: 'mono' }, n.applicationId)],
      app ? [t('field.purpose'), app.purpose] : null,
      app?.claimedBy ? [t('notarisation.notary'), app.claimedBy.displayName] : null,
      n.certificateNumber
        ? [
            t('notarisation.certificateNumber'),
            h('span', { class: 'mono', 'data-certificate-number': '' }, n.certificateNumber),
          ]
        : null,
    ];
    const reason = app?.history.filter((x) => x.reason).at(-1)?.reason;
    box.append(
      facts(rows),
      n.state === 'rejected' && reason
        ? notice('warn', t('notarisation.rejectedBecause', { reason }))
        : '',
    );
    if (app && app.history.length > 0) {
      box.append(
        h(
          'ol',
          { class: 'timeline timeline-compact' },
          app.history.map((x) =>
            h(
              'li',
              null,
              h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
              h(
                'div',
                { class: 'tl-body' },
                h('strong', null, t(`state.${x.state}` as TextKey)),
                h('span', { class: 'tl-meta' }, `${x.actor.displayName} · ${formatTime(x.time)}`),
              ),
            ),
          ),
        ),
      );
    }
    const actions = h('div', { class: 'actions' });
    if (n.state === 'issued') {
      const get = notarialDownload(n.applicationId, n.certificateNumber, errors);
      actions.append(get);
    }
    if (n.state === 'submitted' || n.state === 'in_review') {
      const withdraw = h(
        'button',
        { type: 'button', class: 'btn btn-danger-quiet' },
        t('notarisation.withdraw'),
      );
      withdraw.addEventListener('click', () => {
        if (withdraw.dataset.confirm !== '1') {
          withdraw.dataset.confirm = '1';
          withdraw.textContent = t('notarisation.withdrawConfirm');
          return;
        }
        void busy(withdraw, errors, async () => {
          await api('POST', `/api/v1/notary/applications/${n.applicationId}/withdraw`, {});
          reload();
        });
      });
      actions.append(withdraw);
    }
    box.append(actions, errors);
  }
  if (canApply) {
    const purpose = field({
      label: t('field.purpose'),
      name: 'purpose',
      required: true,
      maxlength: 200,
      hint: t('notarisation.purposeHint'),
    });
    const contact = field({
      label: t('field.contact'),
      name: 'contact',
      required: true,
      maxlength: 100,
      autocomplete: 'tel',
    });
    const note = field({ label: t('field.note'), name: 'note', multiline: true, maxlength: 2000 });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary' },
      t('notarisation.apply'),
    );
    const applyErrors = h('div', { class: 'form-errors' });
    const form = h(
      'form',
      { class: 'form', 'data-form': 'notarisation' },
      h('p', { class: 'muted' }, t('notarisation.lead')),
      purpose.wrap,
      contact.wrap,
      note.wrap,
      applyErrors,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(submit, applyErrors, async () => {
        await api('POST', `/api/v1/deposits/${d.id}/notarisation`, {
          purpose: purpose.input.value.trim(),
          contact: contact.input.value.trim(),
          ...(note.input.value.trim() ? { note: note.input.value.trim() } : {}),
        });
        reload();
      });
    });
    box.append(form);
  }
  return box;
}
