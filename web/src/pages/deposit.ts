/**
 * One deposit: facts, the file manifest with digests, certificate and receipt downloads, the
 * custody trail; for the owner also notarisation (apply, follow, withdraw, the notarial
 * certificate) and court shares (create, copy the code once, revoke).
 */
import { api, ApiError, currentRole, download } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate, formatTime, groupDepositNumber } from '../format.js';
import { t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import type { Page } from '../router.js';
import type { Application, Deposit, Share } from '../types.js';
import {
  badge,
  busy,
  card,
  copyButton,
  errorText,
  facts,
  field,
  loading,
  notice,
  pageTitle,
} from '../ui/common.js';
import { courtPicker } from '../ui/court-picker.js';
import {
  custodyTrail,
  depositSubline,
  manifest,
  notarialDownload,
  stateBadge,
  table,
} from '../ui/deposit-bits.js';

function downloadsCard(d: Deposit): HTMLElement {
  const errors = h('div', { class: 'form-errors' });
  const item = (
    key: MessageKey,
    hint: MessageKey,
    path: string,
    name: string,
    tag: string,
  ): HTMLElement => {
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
  };
  const base = `/api/v1/deposits/${d.id}`;
  const role = currentRole();
  return card(
    t('deposit.documents'),
    h(
      'ul',
      { class: 'downloads' },
      item(
        'deposit.certificate',
        'deposit.certificateHint',
        `${base}/certificate.pdf`,
        `${d.id}.pdf`,
        'certificate',
      ),
      item(
        'deposit.receipt',
        'deposit.receiptHint',
        `${base}/receipt`,
        `${d.id}.receipt.json`,
        'receipt',
      ),
      item(
        'deposit.tlogProof',
        'deposit.tlogProofHint',
        `${base}/receipt?format=tlog-proof`,
        `${d.id}.tlog-proof`,
        'tlog-proof',
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
    errors,
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
  );
}

/** The notarisation card of the owner: apply, or follow the application. */
async function notarisationCard(d: Deposit, reload: () => void): Promise<HTMLElement> {
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
                h('strong', null, t(`state.${x.state}` as MessageKey)),
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

function shareStateBadge(s: Share): HTMLElement {
  return s.state === 'active'
    ? badge(t('share.active'), 'ok')
    : s.state === 'revoked'
      ? badge(t('share.revoked'), 'bad')
      : badge(t('share.expired'), 'muted');
}

/** The owner's court shares: create (the code is shown once), list, revoke. */
async function sharesCard(d: Deposit): Promise<HTMLElement> {
  const box = card(t('share.title'), h('p', { class: 'muted' }, t('share.lead')));
  const listSlot = h('div', { 'data-shares': '' }, loading());
  const codeSlot = h('div', { 'aria-live': 'polite' });
  const errors = h('div', { class: 'form-errors' });

  const refresh = async (): Promise<void> => {
    let items: Share[];
    try {
      items = (await api<{ items: Share[] }>('GET', `/api/v1/deposits/${d.id}/shares`)).items;
    } catch (err) {
      replace(listSlot, notice('error', errorText(err)));
      return;
    }
    if (items.length === 0) {
      replace(listSlot, h('p', { class: 'muted' }, t('share.none')));
      return;
    }
    replace(
      listSlot,
      table(
        t('share.title'),
        [
          t('field.court'),
          t('field.caseNumber'),
          t('share.expires'),
          t('share.state'),
          t('share.redeemed'),
          '',
        ],
        items.map((s) => {
          let action: HTMLElement | string = '';
          if (s.state === 'active') {
            const revoke = h(
              'button',
              { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-revoke': s.id },
              t('share.revoke'),
            );
            revoke.addEventListener('click', () => {
              if (revoke.dataset.confirm !== '1') {
                revoke.dataset.confirm = '1';
                revoke.textContent = t('share.revokeConfirm');
                return;
              }
              void busy(revoke, errors, async () => {
                await api('DELETE', `/api/v1/deposits/${d.id}/shares/${s.id}`);
                await refresh();
              });
            });
            action = revoke;
          }
          return [
            s.courtId ? s.court : `${s.court}${t('court.notListed')}`,
            s.caseNumber,
            h('span', { class: 'nowrap' }, formatDate(s.expiresAt)),
            shareStateBadge(s),
            s.redemptions.length === 0
              ? h('span', { class: 'muted' }, '—')
              : h(
                  'span',
                  null,
                  s.redemptions
                    .map((r) => `${r.judge.displayName}（${formatTime(r.at)}）`)
                    .join('；'),
                ),
            action,
          ];
        }),
      ),
    );
  };

  // a court from the court list, searchable (docs/courts.md)
  const court = courtPicker({ label: t('field.court'), required: true });
  const caseNumber = field({
    label: t('field.caseNumber'),
    name: 'caseNumber',
    required: true,
    maxlength: 64,
  });
  const defaultExpiry = new Date(Date.now() + 90 * 86400_000 + 8 * 3600_000)
    .toISOString()
    .slice(0, 10);
  const tomorrow = new Date(Date.now() + 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const expires = field({
    label: t('share.expires'),
    name: 'expiresAt',
    type: 'date',
    required: true,
    value: defaultExpiry,
    min: tomorrow,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('share.create'));
  const form = h(
    'form',
    { class: 'form grid-3', 'data-form': 'share' },
    court.wrap,
    caseNumber.wrap,
    expires.wrap,
    h('div', { class: 'actions span-3' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, errors, async () => {
      const { code, share } = await api<{ code: string; share: Share }>(
        'POST',
        `/api/v1/deposits/${d.id}/shares`,
        {
          ...court.choice(),
          caseNumber: caseNumber.input.value.trim(),
          expiresAt: `${expires.input.value}T23:59:59+08:00`,
        },
      );
      replace(
        codeSlot,
        h(
          'div',
          { class: 'code-box', 'data-share-code': code },
          h('p', { class: 'code-title' }, t('share.codeFor', { court: share.court })),
          h('p', { class: 'code' }, h('code', null, code), ' ', copyButton(code)),
          h('p', { class: 'small' }, t('share.codeOnce')),
        ),
      );
      form.reset();
      court.reset();
      expires.input.value = defaultExpiry;
      await refresh();
    });
  });
  box.append(form, errors, codeSlot, h('h3', null, t('share.existing')), listSlot);
  void refresh();
  return box;
}

export const depositPage: Page = {
  name: 'deposit',
  title: 'deposit.title',
  roles: ['depositor', 'notary', 'judge'],
  async render(view) {
    const { main, params, query, alive } = view;
    const id = params[0] ?? '';
    const slot = h('div', null, loading());
    main.append(slot);
    let d: Deposit;
    try {
      d = (await api<{ deposit: Deposit }>('GET', `/api/v1/deposits/${encodeURIComponent(id)}`))
        .deposit;
    } catch (err) {
      if (!alive()) return;
      replace(
        slot,
        pageTitle(t('deposit.title')),
        notice(
          'error',
          err instanceof ApiError && err.status === 404 ? t('deposit.notFound') : errorText(err),
        ),
      );
      return;
    }
    if (!alive()) return;
    document.title = `${d.title} · ${groupDepositNumber(d.id)} · ${t('brand.name')}`;
    const owner = currentRole() === 'depositor';
    const reload = (): void => {
      if (!alive()) return;
      main.replaceChildren();
      void depositPage.render({ ...view, query: new URLSearchParams() });
    };
    const fileErrors = h('div', { class: 'form-errors' });
    const depositor = d.depositor;
    const head = h(
      'div',
      { class: 'page-head page-head-actions' },
      pageTitle(d.title, depositSubline(d)),
      h('div', { class: 'head-badges' }, d.notarisation ? stateBadge(d.notarisation.state) : null),
    );
    const info = card(
      t('deposit.facts'),
      facts([
        [
          t('deposit.number'),
          h(
            'span',
            null,
            h('span', { class: 'mono' }, groupDepositNumber(d.id)),
            ' ',
            copyButton(d.id),
          ),
        ],
        [t('deposit.time'), formatTime(d.createdAt)],
        [
          t('deposit.method'),
          d.method === 'hash-only' ? t('deposit.methodHashOnly') : t('deposit.methodUpload'),
        ],
        depositor
          ? [
              t('deposit.depositor'),
              `${depositor.name}（${depositor.idMasked || '—'}，${t(depositor.verification === 'in-person' ? 'deposit.inPerson' : 'deposit.selfDeclared')}）`,
            ]
          : null,
        d.agent
          ? [t('deposit.agent'), `${d.agent.name}${d.agent.office ? `（${d.agent.office}）` : ''}`]
          : null,
        d.description ? [t('field.description'), h('span', { class: 'pre' }, d.description)] : null,
        d.index !== undefined ? [t('deposit.logIndex'), String(d.index)] : null,
      ]),
      d.method === 'hash-only' ? notice('info', t('deposit.hashOnlyScope')) : null,
    );
    const files = card(t('deposit.files'), manifest(d, fileErrors), fileErrors);
    const custodySlot = h('div', null, loading());
    const custody = card(
      t('custody.title'),
      h('p', { class: 'muted' }, t('custody.lead')),
      custodySlot,
    );
    replace(
      slot,
      query.get('created') ? notice('ok', t('deposit.created')) : null,
      query.get('redeemed') ? notice('ok', t('deposit.redeemed')) : null,
      head,
      h(
        'div',
        { class: 'columns' },
        h('div', { class: 'col-main' }, info, files, custody),
        h(
          'div',
          { class: 'col-side' },
          downloadsCard(d),
          owner ? h('div', { 'data-slot': 'notarisation' }, loading()) : null,
        ),
      ),
      owner ? h('div', { 'data-slot': 'shares' }, loading()) : null,
    );
    const work: Promise<void>[] = [
      custodyTrail(d.id).then(
        (el) => replace(custodySlot, el),
        (err: unknown) => replace(custodySlot, notice('error', errorText(err))),
      ),
    ];
    if (owner) {
      const nSlot = slot.querySelector<HTMLElement>('[data-slot="notarisation"]')!;
      const sSlot = slot.querySelector<HTMLElement>('[data-slot="shares"]')!;
      work.push(
        notarisationCard(d, reload).then((el) => nSlot.replaceWith(el)),
        sharesCard(d).then((el) => sSlot.replaceWith(el)),
      );
    }
    await Promise.all(work);
  },
};
