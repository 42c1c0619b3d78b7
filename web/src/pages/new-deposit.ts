/**
 * The deposit form: title, description, several files by drag-and-drop or the file chooser, and
 * a real upload progress bar; or, with "hash only" on, the files are hashed here (SHA-256 and
 * SM3, read in slices, with progress) and only the digests are sent.
 */
import { api, upload } from '../api.js';
import { h, replace } from '../dom.js';
import { formatBytes } from '../format.js';
import { hashFile, type FileDigests } from '../hash.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Deposit } from '../types.js';
import { announce, busy, card, digest, field, notice, pageTitle } from '../ui/common.js';
import { dropZone, progressBar } from '../ui/files.js';

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

interface Chosen {
  readonly file: File;
  readonly row: HTMLElement;
  digests?: FileDigests;
  hashing?: Promise<FileDigests | undefined>;
  abort?: AbortController;
}

export const newDepositPage: Page = {
  name: 'new-deposit',
  title: 'newDeposit.title',
  roles: ['depositor'],
  render({ main, alive }) {
    const chosen: Chosen[] = [];
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
    const hashOnly = h('input', {
      type: 'checkbox',
      id: 'hash-only',
      name: 'hashOnly',
      role: 'switch',
      class: 'switch-input',
      'aria-describedby': 'hash-only-hint',
    });
    const switchRow = h(
      'div',
      { class: 'switch-row' },
      hashOnly,
      h(
        'label',
        { for: 'hash-only', class: 'switch-label' },
        h(
          'span',
          { class: 'switch-track', 'aria-hidden': 'true' },
          h('span', { class: 'switch-thumb' }),
        ),
        h('span', null, t('newDeposit.hashOnly')),
      ),
      h('p', { class: 'hint', id: 'hash-only-hint' }, t('newDeposit.hashOnlyHint')),
    );
    const fileList = h('ul', { class: 'chosen', 'aria-live': 'polite', 'data-chosen': '' });
    const summary = h('p', { class: 'muted small', 'data-summary': '' });
    const uploadBar = progressBar(t('newDeposit.uploading'));
    uploadBar.el.setAttribute('data-upload-progress', '');
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-large' },
      t('newDeposit.submit'),
    );
    const zone = dropZone({
      name: 'files',
      multiple: true,
      label: t('newDeposit.drop'),
      hint: t('newDeposit.dropHint'),
      onFiles: (files) => add(files),
    });

    const refreshSummary = (): void => {
      const total = chosen.reduce((n, c) => n + c.file.size, 0);
      summary.textContent =
        chosen.length === 0
          ? t('newDeposit.noFiles')
          : t('newDeposit.summary', { n: chosen.length, size: formatBytes(total) });
    };

    /** Hashes one chosen file (hash-only mode), showing its progress in its row. */
    const hashOne = (c: Chosen): Promise<FileDigests | undefined> => {
      if (c.digests) return Promise.resolve(c.digests);
      if (c.hashing) return c.hashing;
      const bar = progressBar(t('newDeposit.hashing', { name: c.file.name }));
      bar.el.setAttribute('data-hash-progress', '');
      const slot = c.row.querySelector<HTMLElement>('.chosen-detail')!;
      replace(slot, bar.el);
      bar.set(0, c.file.size);
      c.abort = new AbortController();
      c.hashing = hashFile(c.file, (d, total) => bar.set(d, total), c.abort.signal).then(
        (d) => {
          c.digests = d;
          replace(
            slot,
            h(
              'dl',
              { class: 'digests', 'data-hashed': '' },
              h('dt', null, 'SHA-256'),
              h('dd', { 'data-digest': 'sha256' }, digest(d.sha256)),
              h('dt', null, 'SM3'),
              h('dd', { 'data-digest': 'sm3' }, digest(d.sm3)),
            ),
          );
          announce(t('newDeposit.hashed', { name: c.file.name }));
          return d;
        },
        (err: unknown) => {
          c.hashing = undefined;
          if (!c.abort?.signal.aborted)
            replace(slot, notice('error', t('newDeposit.hashFailed', { message: String(err) })));
          return undefined;
        },
      );
      return c.hashing;
    };

    const remove = (c: Chosen): void => {
      c.abort?.abort();
      const i = chosen.indexOf(c);
      if (i >= 0) chosen.splice(i, 1);
      c.row.remove();
      refreshSummary();
    };

    const add = (files: readonly File[]): void => {
      for (const file of files) {
        if (
          chosen.some(
            (c) =>
              c.file.name === file.name &&
              c.file.size === file.size &&
              c.file.lastModified === file.lastModified,
          )
        )
          continue;
        const removeButton = h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small btn-quiet',
            'aria-label': t('newDeposit.remove', { name: file.name }),
          },
          t('action.remove'),
        );
        const row = h(
          'li',
          { class: 'chosen-item', 'data-file': file.name },
          h(
            'div',
            { class: 'chosen-head' },
            h('span', { class: 'file-name' }, file.name),
            h('span', { class: 'file-meta' }, formatBytes(file.size)),
            removeButton,
          ),
          h('div', { class: 'chosen-detail' }),
        );
        const c: Chosen = { file, row };
        removeButton.addEventListener('click', () => remove(c));
        chosen.push(c);
        fileList.append(row);
        if (hashOnly.checked) void hashOne(c);
      }
      refreshSummary();
    };

    hashOnly.addEventListener('change', () => {
      main.classList.toggle('mode-hash-only', hashOnly.checked);
      submit.textContent = hashOnly.checked
        ? t('newDeposit.submitHashOnly')
        : t('newDeposit.submit');
      if (hashOnly.checked) for (const c of chosen) void hashOne(c);
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
        card(t('newDeposit.files'), switchRow, zone.el, summary, fileList),
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
      if (chosen.length === 0) {
        errors.replaceChildren(notice('error', t('newDeposit.needFiles')));
        zone.input.focus();
        return;
      }
      void busy(submit, errors, async () => {
        let created: { deposit: Deposit };
        if (hashOnly.checked) {
          const digests = await Promise.all(chosen.map((c) => hashOne(c)));
          if (digests.some((d) => d === undefined)) throw new Error(t('newDeposit.hashIncomplete'));
          created = await api<{ deposit: Deposit }>('POST', '/api/v1/deposits', {
            title: title.input.value.trim(),
            description: description.input.value.trim(),
            files: chosen.map((c, i) => ({
              name: c.file.name,
              size: c.file.size,
              sha256: digests[i]!.sha256,
              sm3: digests[i]!.sm3,
              ...(MEDIA_TYPE.test(c.file.type) ? { mediaType: c.file.type } : {}),
            })),
          });
        } else {
          const form = new FormData();
          form.append('title', title.input.value.trim());
          form.append('description', description.input.value.trim());
          for (const c of chosen) form.append('files', c.file, c.file.name);
          uploadBar.set(
            0,
            chosen.reduce((n, c) => n + c.file.size, 0),
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

    refreshSummary();
    main.append(pageTitle(t('newDeposit.title'), t('newDeposit.lead')), form);
  },
};
