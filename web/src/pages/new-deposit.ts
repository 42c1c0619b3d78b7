/**
 * The deposit form: title, description, several files by drag-and-drop or the file chooser, and
 * a real upload progress bar; or, with "hash only" on, the files are hashed here (SHA-256 and
 * SM3, read in slices, with progress) and only the digests are sent. Limits show as counters and
 * are never cut; a file the depositor already deposited is pointed out before it is sent again
 * (new-deposit/duplicates.ts).
 */
import { api, upload } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Deposit } from '../types.js';
import { announce, busy, card, field, pageTitle } from '../ui/common.js';
import { evidenceFiles, type ChosenFile } from '../ui/evidence-files.js';
import { checkForm } from '../ui/field-errors.js';
import { progressBar } from '../ui/files.js';
import {
  DUPLICATE_CHECK_MAX_BYTES,
  duplicateNotice,
  duplicatesWarning,
  findDuplicates,
} from './new-deposit/duplicates.js';

/** The server's limits (src/input/limits.ts). */
const TITLE_MAX_CHARS = 200;
const DESCRIPTION_MAX_CHARS = 4000;

export const newDepositPage: Page = {
  name: 'new-deposit',
  title: 'newDeposit.title',
  roles: ['depositor'],
  render({ main, alive }) {
    /** Each chosen file's own deposits that already hold it (duplicates.ts). */
    const duplicatesOf = new Map<File, Promise<readonly Deposit[]>>();
    let duplicatesConfirmed = false;
    const title = field({
      label: t('field.title'),
      name: 'title',
      required: true,
      maxlength: TITLE_MAX_CHARS,
      counter: 'always',
      hint: t('newDeposit.titleHint'),
    });
    const description = field({
      label: t('field.description'),
      name: 'description',
      multiline: true,
      maxlength: DESCRIPTION_MAX_CHARS,
    });
    const uploadBar = progressBar(t('newDeposit.uploading'));
    uploadBar.el.setAttribute('data-upload-progress', '');
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-large' },
      t('newDeposit.submit'),
    );

    /** Looks for own deposits of the file (once its SHA-256 is known) and says so in its row. */
    const checkDuplicate = (c: ChosenFile): void => {
      if (!files.hashOnly.checked && c.file.size > DUPLICATE_CHECK_MAX_BYTES) return;
      const lookup = findDuplicates(() => c.digests(!files.hashOnly.checked)).then((found) => {
        if (found.length > 0 && c.row.isConnected) {
          c.row.dataset.duplicate = '';
          c.note.replaceChildren(duplicateNotice(found));
        }
        return found;
      });
      duplicatesOf.set(c.file, lookup);
    };

    const files = evidenceFiles({
      onMode(hashOnly) {
        main.classList.toggle('mode-hash-only', hashOnly);
        submit.textContent = hashOnly ? t('newDeposit.submitHashOnly') : t('newDeposit.submit');
        if (hashOnly)
          for (const c of files.chosenFiles()) if (!duplicatesOf.has(c.file)) checkDuplicate(c);
      },
      onAdd(c) {
        checkDuplicate(c);
        duplicatesConfirmed = false;
      },
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
      const chosen = files.chosen();
      const ok = checkForm(form, errors, {
        files: () => (chosen.length === 0 ? t('newDeposit.needFiles') : undefined),
      });
      if (!ok) return;
      void busy(submit, errors, async () => {
        // A file already deposited by this account: say so and go on only when asked to.
        const found = await Promise.all(chosen.map((f) => duplicatesOf.get(f) ?? []));
        const again = chosen.filter((_, i) => found[i]!.length > 0).map((f) => f.name);
        if (again.length > 0 && !duplicatesConfirmed) {
          errors.replaceChildren(
            duplicatesWarning(again, () => {
              duplicatesConfirmed = true;
              form.requestSubmit();
            }),
          );
          return;
        }
        let created: { deposit: Deposit };
        if (files.hashOnly.checked) {
          const digests = await files.digests();
          if (!digests) throw new Error(t('newDeposit.hashIncomplete'));
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
