/**
 * The files of a new deposit, as the depositor's form and the notary's counter deposit choose
 * them: several files by drag-and-drop or the file chooser; or, with "hash only" on, each file is
 * hashed here (SHA-256 and SM3, read in slices, with progress) and only the digests are sent.
 * Each file's row has a slot for a note about it (the depositor's form says there when the file
 * was deposited before: pages/new-deposit/duplicates.ts).
 * @module
 */
import { h, replace } from '../dom.js';
import { formatBytes } from '../format.js';
import { hashFile, type FileDigests } from '../hash.js';
import { t } from '../i18n.js';
import { announce, digest, notice } from './common.js';
import { chosenItem, dropZone, progressBar } from './files.js';

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

interface Chosen {
  readonly file: File;
  readonly row: HTMLElement;
  digests?: FileDigests;
  hashing?: Promise<FileDigests | undefined>;
  abort?: AbortController;
}

/** One chosen file, as the form around the chooser sees it. */
export interface ChosenFile {
  readonly file: File;
  /** The row itself (`data-duplicate` marks it) and its slot for a note about the file. */
  readonly row: HTMLElement;
  readonly note: HTMLElement;
  /**
   * The file's digests, hashed once. `quiet`: without progress or digests in its row unless
   * hash-only is on (an upload's duplicate check).
   */
  digests(quiet?: boolean): Promise<FileDigests | undefined>;
}

export interface EvidenceFilesOptions {
  /** Hears the hash-only switch. */
  readonly onMode?: (hashOnly: boolean) => void;
  /** Hears each file added to the choice. */
  readonly onAdd?: (file: ChosenFile) => void;
}

/** A hash-only file item as the deposit routes take it. */
export interface DigestItem {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  readonly sm3: string;
  readonly mediaType?: string;
}

export interface EvidenceFiles {
  /** The hash-only switch, the drop zone, the summary line and the chosen files. */
  readonly nodes: readonly HTMLElement[];
  readonly hashOnly: HTMLInputElement;
  /** The drop zone's file input (focused when no file was chosen). */
  readonly input: HTMLInputElement;
  readonly chosen: () => readonly File[];
  /** The chosen files with their rows, in order. */
  readonly chosenFiles: () => readonly ChosenFile[];
  /** Every file's digests (hash-only), each hashed once; undefined if one could not be. */
  digests(): Promise<DigestItem[] | undefined>;
}

/** The file chooser. */
export function evidenceFiles(options: EvidenceFilesOptions = {}): EvidenceFiles {
  const chosen: Chosen[] = [];
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
   * Hashes one chosen file: with its progress and digests in its row, or quietly (`quiet`, see
   * {@link ChosenFile.digests}).
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

  const view = (c: Chosen): ChosenFile => ({
    file: c.file,
    row: c.row,
    note: c.row.querySelector<HTMLElement>('.chosen-dup')!,
    digests: (quiet) => hashOne(c, quiet),
  });

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
      const row = chosenItem(
        file,
        removeButton,
        h('div', { class: 'chosen-dup' }),
        h('div', { class: 'chosen-detail' }),
      );
      const c: Chosen = { file, row };
      removeButton.addEventListener('click', () => remove(c));
      chosen.push(c);
      fileList.append(row);
      if (hashOnly.checked) void hashOne(c);
      options.onAdd?.(view(c));
    }
    refreshSummary();
  };

  hashOnly.addEventListener('change', () => {
    options.onMode?.(hashOnly.checked);
    if (hashOnly.checked) for (const c of chosen) void hashOne(c);
  });
  refreshSummary();

  return {
    nodes: [switchRow, zone.el, summary, fileList],
    hashOnly,
    input: zone.input,
    chosen: () => chosen.map((c) => c.file),
    chosenFiles: () => chosen.map(view),
    async digests() {
      const all = await Promise.all(chosen.map((c) => hashOne(c)));
      if (all.some((d) => d === undefined)) return undefined;
      return chosen.map((c, i) => ({
        name: c.file.name,
        size: c.file.size,
        sha256: all[i]!.sha256,
        sm3: all[i]!.sm3,
        ...(MEDIA_TYPE.test(c.file.type) ? { mediaType: c.file.type } : {}),
      }));
    },
  };
}
