/**
 * The evidence files of a verification (docs/web.md): one or several files dropped or chosen at
 * once, each hashed in this browser (SHA-256 and SM3, with progress) and never uploaded; each
 * digest shown whole with a copy button; each file can carry its own result badge.
 * @module
 */
import { h, replace } from '../../dom.js';
import { hashFile, type FileDigests } from '../../hash.js';
import { t } from '../../i18n.js';
import { announce, badge, copyButton, notice } from '../../ui/common.js';
import { chosenItem, dropZone, progressBar } from '../../ui/files.js';

/** A chosen file with its digests. */
export interface HashedFile extends FileDigests {
  readonly name: string;
  readonly size: number;
  /** Its place among the files chosen together (for {@link filesToVerify}' `mark`). */
  readonly position: number;
}

/** A digest with a copy button beside it; `data-digest` holds exactly the hex. */
export function digestRow(alg: 'sha256' | 'sm3', hex: string): HTMLElement[] {
  const label = alg === 'sha256' ? 'SHA-256' : 'SM3';
  const copy = copyButton(hex, t('landing.copy'));
  copy.setAttribute('aria-label', t('landing.copyDigest', { alg: label }));
  return [
    h('dt', null, label),
    h(
      'dd',
      { class: 'digest-line' },
      h('code', { class: 'digest', 'data-digest': alg }, hex),
      copy,
    ),
  ];
}

interface Chosen {
  readonly file: File;
  readonly item: HTMLElement;
  readonly mark: HTMLElement;
  readonly hashing: Promise<HashedFile | undefined>;
}

/** The drop zone and the list of chosen files; `files()` waits for every digest. */
export function filesToVerify(o: { readonly label: string; readonly multiple: boolean }): {
  el: HTMLElement;
  /** The hashed files (files that could not be read are left out and say so). */
  files: () => Promise<HashedFile[]>;
  /** Whether any file was chosen. */
  chosen: () => boolean;
  /** Shows a file's own result (`i`: its `position`). */
  mark: (i: number, ok: boolean, text: string) => void;
} {
  let current: Chosen[] = [];
  const list = h('ul', { class: 'chosen', 'data-evidence': '' });
  const summary = h('p', { class: 'hint', 'data-evidence-summary': '' });
  const choose = (files: File[]): void => {
    const round: Chosen[] = [];
    current = round;
    replace(list);
    summary.textContent = o.multiple ? t('landing.filesChosen', { n: files.length }) : '';
    for (const [position, file] of files.entries()) {
      const bar = progressBar(t('verify.hashing'));
      bar.el.setAttribute('data-hash-progress', '');
      const mark = h('span', { class: 'file-result', 'data-file-result': '' });
      const detail = h('div', { class: 'chosen-detail' });
      const item = chosenItem(file, mark, bar.el, detail);
      list.append(item);
      bar.set(0, file.size);
      const hashing = hashFile(file, (d, total) => bar.set(d, total)).then(
        (d): HashedFile | undefined => {
          bar.reset();
          if (current !== round) return undefined;
          detail.append(
            h(
              'dl',
              { class: 'digests', 'data-hashed': '' },
              digestRow('sha256', d.sha256),
              digestRow('sm3', d.sm3),
            ),
          );
          announce(t('verify.hashed'));
          return { ...d, name: file.name, size: file.size, position };
        },
        (err: unknown) => {
          bar.reset();
          detail.append(notice('error', t('newDeposit.hashFailed', { message: String(err) })));
          return undefined;
        },
      );
      round.push({ file, item, mark, hashing });
    }
  };
  const zone = dropZone({
    name: 'evidence',
    multiple: o.multiple,
    label: o.label,
    hint: o.multiple ? t('landing.filesHint') : t('verify.fileHint'),
    onFiles: choose,
  });
  return {
    el: h('div', { class: 'picker' }, zone.el, summary, list),
    async files() {
      const round = current;
      const done = await Promise.all(round.map((c) => c.hashing));
      return done.filter((d): d is HashedFile => d !== undefined);
    },
    chosen: () => current.length > 0,
    mark(i, ok, text) {
      const c = current[i];
      if (!c) return;
      c.item.dataset.match = ok ? 'yes' : 'no';
      replace(c.mark, badge(`${ok ? '✓' : '✗'} ${text}`, ok ? 'ok' : 'bad'));
    },
  };
}
