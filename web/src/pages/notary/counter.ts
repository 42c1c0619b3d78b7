/**
 * Counter deposits (窗口办理, docs/web.md): the notary deposits for a walk-in client whose ID card
 * they see — files (uploaded) or only their digests, the client's name and ID number — and hands
 * over the one-time claim code on a printable slip (./slip.ts); the list of the counter deposits
 * they made, with where each code stands and 重新签发取件码 for the unclaimed ones.
 * @module
 */
import { api, currentSession, upload } from '../../api.js';
import { h, replace } from '../../dom.js';
import { formatTime } from '../../format.js';
import { t } from '../../i18n.js';
import type { Page } from '../../router.js';
import type { CounterDepositItem, Deposit } from '../../types.js';
import {
  announce,
  badge,
  busy,
  card,
  errorText,
  field,
  loading,
  notice,
  pageTitle,
} from '../../ui/common.js';
import { depositLink, table } from '../../ui/deposit-bits.js';
import { evidenceFiles } from '../../ui/evidence-files.js';
import { progressBar } from '../../ui/files.js';
import { idNumberLooksValid } from '../account-checks.js';
import { claimSlip, type SlipFacts } from './slip.js';

/** The answer of POST /api/v1/notary/counter-deposits (and of a reissue, in part). */
interface Made {
  readonly deposit: Deposit;
  readonly claimCode: string;
  readonly claimExpiresAt: string;
}

const TONE = { open: 'info', claimed: 'ok', expired: 'warn', locked: 'bad' } as const;

export const counterPage: Page = {
  name: 'notary-counter',
  title: 'counter.title',
  roles: ['notary'],
  async render({ main, alive }) {
    const slipSlot = h('div', { 'data-slot': 'slip' });
    const listSlot = h('div', null, loading());
    const showSlip = (f: SlipFacts): void => {
      replace(
        slipSlot,
        claimSlip(f, () => form.querySelector<HTMLElement>('input')?.focus()),
      );
      const slip = slipSlot.firstElementChild as HTMLElement;
      slip.scrollIntoView({ block: 'start' });
      slip.focus();
      announce(t('slip.ready'));
    };

    const clientName = field({
      label: t('field.clientName'),
      name: 'clientName',
      required: true,
      autocomplete: 'off',
      maxlength: 64,
      hint: t('counter.clientNameHint'),
    });
    const clientId = field({
      label: t('field.clientIdNumber'),
      name: 'clientIdNumber',
      required: true,
      autocomplete: 'off',
      maxlength: 18,
      spellcheck: false,
      hint: t('counter.clientIdHint'),
    });
    const title = field({ label: t('field.title'), name: 'title', required: true, maxlength: 200 });
    const description = field({
      label: t('field.description'),
      name: 'description',
      multiline: true,
      maxlength: 4000,
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('counter.submit'));
    const files = evidenceFiles({
      onMode(hashOnly) {
        submit.textContent = hashOnly ? t('counter.submitHashOnly') : t('counter.submit');
      },
    });
    const uploadBar = progressBar(t('newDeposit.uploading'));
    const errors = h('div', { class: 'form-errors' });
    const form = h(
      'form',
      { class: 'form form-wide', novalidate: true, 'data-form': 'counter-deposit' },
      h(
        'div',
        { class: 'two' },
        card(t('counter.client'), clientName.wrap, clientId.wrap, title.wrap, description.wrap),
        card(t('newDeposit.files'), ...files.nodes),
      ),
      uploadBar.el,
      errors,
      h('div', { class: 'actions' }, submit),
    );

    const need = (ok: boolean, key: Parameters<typeof t>[0], focus: HTMLElement): boolean => {
      if (ok) return true;
      errors.replaceChildren(notice('error', t(key)));
      focus.focus();
      return false;
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      errors.replaceChildren();
      const chosen = files.chosen();
      const idNumber = clientId.input.value.trim().toUpperCase();
      if (
        !need(clientName.input.value.trim() !== '', 'counter.needClient', clientName.input) ||
        !need(idNumberLooksValid(idNumber), 'register.idInvalid', clientId.input) ||
        !need(title.input.value.trim() !== '', 'newDeposit.needTitle', title.input) ||
        !need(chosen.length > 0, 'newDeposit.needFiles', files.input)
      )
        return;
      void busy(submit, errors, async () => {
        const fields = {
          title: title.input.value.trim(),
          description: description.input.value.trim(),
          clientName: clientName.input.value.trim(),
          clientIdNumber: idNumber,
        };
        let made: Made;
        if (files.hashOnly.checked) {
          const digests = await files.digests();
          if (digests === undefined) throw new Error(t('newDeposit.hashIncomplete'));
          made = await api<Made>('POST', '/api/v1/notary/counter-deposits', {
            ...fields,
            files: digests,
          });
        } else {
          const body = new FormData();
          for (const [k, v] of Object.entries(fields)) body.append(k, v);
          for (const f of chosen) body.append('files', f, f.name);
          uploadBar.set(
            0,
            chosen.reduce((n, f) => n + f.size, 0),
          );
          made = await upload<Made>('/api/v1/notary/counter-deposits', body, (sent, total) =>
            uploadBar.set(sent, total),
          );
        }
        if (!alive()) return;
        // the client's details leave the form: the slip is what the notary hands over
        form.reset();
        uploadBar.reset();
        showSlip({
          office: made.deposit.agent?.office ?? '',
          depositId: made.deposit.id,
          title: made.deposit.title,
          client: made.deposit.depositor?.name ?? fields.clientName,
          clientIdMasked: made.deposit.depositor?.idMasked ?? '',
          code: made.claimCode,
          expiresAt: made.claimExpiresAt,
        });
        await refresh();
      });
    });

    const reissueButton = (item: CounterDepositItem): HTMLButtonElement => {
      const b = h(
        'button',
        { type: 'button', class: 'btn btn-small', 'data-reissue': item.depositId },
        t('counter.reissue'),
      );
      let armed = false;
      b.addEventListener('click', () => {
        if (!armed) {
          armed = true;
          b.textContent = t('counter.reissueConfirm');
          return;
        }
        void busy(b, listErrors, async () => {
          const r = await api<{ depositId: string; claimCode: string; claimExpiresAt: string }>(
            'POST',
            `/api/v1/notary/counter-deposits/${item.depositId}/claim-code`,
            {},
          );
          if (!alive()) return;
          showSlip({
            office: currentSession()?.user.office ?? '',
            depositId: r.depositId,
            title: item.title,
            client: item.client,
            clientIdMasked: item.clientIdMasked ?? '',
            code: r.claimCode,
            expiresAt: r.claimExpiresAt,
            reissued: true,
          });
          await refresh();
        });
      });
      return b;
    };
    const listErrors = h('div', { class: 'form-errors' });
    const refresh = async (): Promise<void> => {
      let items: CounterDepositItem[];
      try {
        items = (
          await api<{ items: CounterDepositItem[] }>('GET', '/api/v1/notary/counter-deposits')
        ).items;
      } catch (err) {
        if (alive()) replace(listSlot, notice('error', errorText(err)));
        return;
      }
      if (!alive()) return;
      replace(
        listSlot,
        items.length === 0
          ? h('p', { class: 'empty' }, t('counter.none'))
          : table(
              t('counter.made'),
              [
                t('deposits.col.number'),
                t('deposits.col.title'),
                t('slip.client'),
                t('counter.col.time'),
                t('counter.col.code'),
                '',
              ],
              items.map((i) => [
                depositLink(i.depositId),
                i.title,
                i.client,
                h('span', { class: 'nowrap' }, formatTime(i.createdAt)),
                h(
                  'span',
                  { 'data-claim-state': i.claim.state },
                  badge(t(`counter.state.${i.claim.state}`), TONE[i.claim.state]),
                  i.claim.state === 'claimed'
                    ? null
                    : h(
                        'span',
                        { class: 'hint nowrap' },
                        ` ${t('counter.until', { time: formatTime(i.claim.expiresAt) })}`,
                      ),
                ),
                i.claim.state === 'claimed' ? '' : reissueButton(i),
              ]),
              'counter-table',
            ),
      );
    };

    main.append(
      pageTitle(t('counter.title'), t('counter.lead')),
      form,
      slipSlot,
      card(t('counter.made'), listErrors, listSlot),
    );
    await refresh();
  },
};
