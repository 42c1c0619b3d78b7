/**
 * The deposit form: title, description, several files by drag-and-drop or the file chooser, and
 * a real upload progress bar; or, with "hash only" on, the files are hashed here (SHA-256 and
 * SM3, read in slices, with progress) and only the digests are sent. Limits show as counters and
 * are never cut; a file the depositor already deposited is pointed out before it is sent again
 * (duplicates.ts).
 */
import { api, upload } from '../api.js';
import { h, replace } from '../dom.js';
import { formatBytes } from '../format.js';
import { hashFile, type FileDigests } from '../hash.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Deposit } from '../types.js';
import { announce, busy, card, digest, field, notice, pageTitle } from '../ui/common.js';
import { checkForm } from '../ui/field-errors.js';
import { dropZone, progressBar } from '../ui/files.js';
import {
  DUPLICATE_CHECK_MAX_BYTES,
  duplicateNotice,
  duplicatesWarning,
  findDuplicates,
} from './duplicates.js';

/** The server's limits (src/input/limits.ts). */
const TITLE_MAX_CHARS = 200;
const DESCRIPTION_MAX_CHARS = 4000;

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

interface Chosen {
  readonly file: File;
  readonly row: HTMLElement;
  digests?: FileDigests;
  hashing?: Promise<FileDigests | undefined>;
  abort?: AbortController;
  /** The own deposits that already hold this file (duplicates.ts). */
  duplicates?: Promise<readonly Deposit[]>;
}

export const newDepositPage: Page = {
  name: 'new-deposit',
  title: 'newDeposit.title',
  roles: ['depositor'],
  render({ main, alive }) {
    const chosen: Chosen[] = [];
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

    /** The digests of one chosen file in its row. */
    const showDigests = (c: Chosen, d: FileDigests): void => {
      replace(
        c.row.querySelector<HTMLElement>('.chosen-detail')!,
        h(
          'dl',
          { class: 'digests', 'data-hashed': '' },
          h('dt', null, 'SHA-256'),
          h('dd', { 'data-digest': 'sha256' }, digest(d.sha256)),
          h('dt', null, 'SM3'),
          h('dd', { 'data-digest': 'sm3' }, digest(d.sm3)),
        ),
      );
    };

    /**
     * Hashes one chosen file: with its progress and digests in its row (hash-only mode), or
     * quietly (`quiet`: an upload's duplicate check).
     */
    const hashOne = (c: Chosen, quiet = false): Promise<FileDigests | undefined> => {
      if (c.digests) {
        if (!quiet && !c.row.querySelector('[data-hashed]')) showDigests(c, c.digests);
        return Promise.resolve(c.digests);
      }
      if (c.hashing) return c.hashing;
      const bar = progressBar(t('newDeposit.hashing', { name: c.file.name }));
      bar.el.setAttribute('data-hash-progress', '');
      const slot = c.row.querySelector<HTMLElement>('.chosen-detail')!;
      if (!quiet) {
        replace(slot, bar.el);
        bar.set(0, c.file.size);
      }
      c.abort = new AbortController();
      const progress = quiet ? undefined : (d: number, total: number) => bar.set(d, total);
      c.hashing = hashFile(c.file, progress, c.abort.signal).then(
        (d) => {
          c.digests = d;
          if (!quiet || hashOnly.checked) {
            showDigests(c, d);
            announce(t('newDeposit.hashed', { name: c.file.name }));
          }
          return d;
        },
        (err: unknown) => {
          c.hashing = undefined;
          if (!c.abort?.signal.aborted && (!quiet || hashOnly.checked))
            replace(slot, notice('error', t('newDeposit.hashFailed', { message: String(err) })));
          return undefined;
        },
      );
      return c.hashing;
    };

    /** Looks for own deposits of the file (once its SHA-256 is known) and says so in its row. */
    const checkDuplicate = (c: Chosen): void => {
      if (!hashOnly.checked && c.file.size > DUPLICATE_CHECK_MAX_BYTES) return;
      c.duplicates = findDuplicates(() => hashOne(c, !hashOnly.checked)).then((found) => {
        if (found.length > 0 && c.row.isConnected) {
          c.row.dataset.duplicate = '';
          c.row.querySelector('.chosen-dup')?.replaceChildren(duplicateNotice(found));
        }
        return found;
      });
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
          h('div', { class: 'chosen-dup' }),
          h('div', { class: 'chosen-detail' }),
        );
        const c: Chosen = { file, row };
        removeButton.addEventListener('click', () => remove(c));
        chosen.push(c);
        fileList.append(row);
        if (hashOnly.checked) void hashOne(c);
        checkDuplicate(c);
      }
      duplicatesConfirmed = false;
      refreshSummary();
    };

    hashOnly.addEventListener('change', () => {
      main.classList.toggle('mode-hash-only', hashOnly.checked);
      submit.textContent = hashOnly.checked
        ? t('newDeposit.submitHashOnly')
        : t('newDeposit.submit');
      if (hashOnly.checked) {
        for (const c of chosen) {
          void hashOne(c);
          if (!c.duplicates) checkDuplicate(c);
        }
      }
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
      const ok = checkForm(form, errors, {
        files: () => (chosen.length === 0 ? t('newDeposit.needFiles') : undefined),
      });
      if (!ok) return;
      void busy(submit, errors, async () => {
        // A file already deposited by this account: say so and go on only when asked to.
        const found = await Promise.all(chosen.map((c) => c.duplicates ?? []));
        const again = chosen.filter((_, i) => found[i]!.length > 0).map((c) => c.file.name);
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
