/**
 * The deposit form: title, description, several files by drag-and-drop or the file chooser, and
 * a real upload progress bar; or, with "hash only" on, the files are hashed here (SHA-256 and
 * SM3, read in slices, with progress) and only the digests are sent.
 */
import { api, upload } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Deposit } from '../types.js';
import { announce, busy, card, field, notice, pageTitle } from '../ui/common.js';
import { evidenceFiles } from '../ui/evidence-files.js';
import { progressBar } from '../ui/files.js';

export const newDepositPage: Page = {
  name: 'new-deposit',
  title: 'newDeposit.title',
  roles: ['depositor'],
  render({ main, alive }) {
    const title = field({
      label: t('field.title'),
      name: 'title',
      required: true,
      maxlength: 200,
      hint: t('newDeposit.titleHint'),
    });
    const description = field({
      label: t('field.description'),
      name: 'description',
      multiline: true,
      maxlength: 4000,
    });
    const uploadBar = progressBar(t('newDeposit.uploading'));
    uploadBar.el.setAttribute('data-upload-progress', '');
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-large' },
      t('newDeposit.submit'),
    );
    const files = evidenceFiles((hashOnly) => {
      main.classList.toggle('mode-hash-only', hashOnly);
      submit.textContent = hashOnly ? t('newDeposit.submitHashOnly') : t('newDeposit.submit');
    });

    const form = h(
      'form',
      { class: 'form form-wide', novalidate: true },
      h(
        'div',
        { class: 'two' },
        card(
          t('newDeposit.about'),
          title.wrap,
          description.wrap,
          h(
            'div',
            { class: 'aside' },
            h('h3', null, t('newDeposit.afterTitle')),
            h(
              'ul',
              { class: 'ticks' },
              h('li', null, t('newDeposit.after1')),
              h('li', null, t('newDeposit.after2')),
              h('li', null, t('newDeposit.after3')),
            ),
          ),
        ),
        card(t('newDeposit.files'), ...files.nodes),
      ),
      uploadBar.el,
      errors,
      h(
        'div',
        { class: 'actions' },
        submit,
        h('a', { href: '/deposits', class: 'btn' }, t('action.cancel')),
      ),
    );

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      errors.replaceChildren();
      if (title.input.value.trim() === '') {
        errors.replaceChildren(notice('error', t('newDeposit.needTitle')));
        title.input.focus();
        return;
      }
      const chosen = files.chosen();
      if (chosen.length === 0) {
        errors.replaceChildren(notice('error', t('newDeposit.needFiles')));
        files.input.focus();
        return;
      }
      void busy(submit, errors, async () => {
        let created: { deposit: Deposit };
        if (files.hashOnly.checked) {
          const digests = await files.digests();
          if (digests === undefined) throw new Error(t('newDeposit.hashIncomplete'));
          created = await api<{ deposit: Deposit }>('POST', '/api/v1/deposits', {
            title: title.input.value.trim(),
            description: description.input.value.trim(),
            files: digests,
          });
        } else {
          const form = new FormData();
          form.append('title', title.input.value.trim());
          form.append('description', description.input.value.trim());
          for (const f of chosen) form.append('files', f, f.name);
          uploadBar.set(
            0,
            chosen.reduce((n, f) => n + f.size, 0),
          );
          created = await upload<{ deposit: Deposit }>('/api/v1/deposits', form, (sent, total) =>
            uploadBar.set(sent, total),
          );
        }
        if (!alive()) return;
        announce(t('newDeposit.done'));
        navigate(`/deposits/${created.deposit.id}?created=1`);
      });
    });

    main.append(pageTitle(t('newDeposit.title'), t('newDeposit.lead')), form);
  },
};
