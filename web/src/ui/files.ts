/**
 * File choosing (a drop zone that is also a keyboard-usable file input) and progress bars that
 * say bytes and percent.
 * @module
 */
import { h, uid } from '../dom.js';
import { formatBytes, percent } from '../format.js';
import { t } from '../i18n.js';

export interface DropZoneOptions {
  readonly multiple: boolean;
  readonly label: string;
  readonly hint?: string;
  /** The input's name (tests and forms find it by this). */
  readonly name: string;
  readonly accept?: string;
  readonly onFiles: (files: File[]) => void;
}

/** A drop zone: drag files onto it, or press it (a real `<input type=file>`) to choose. */
export function dropZone(o: DropZoneOptions): { el: HTMLElement; input: HTMLInputElement } {
  const id = uid(o.name);
  const hintId = `${id}-hint`;
  const input = h('input', {
    type: 'file',
    id,
    name: o.name,
    class: 'drop-input',
    multiple: o.multiple,
    accept: o.accept,
    'aria-describedby': o.hint ? hintId : undefined,
  });
  const el = h(
    'div',
    { class: 'drop', 'data-drop': o.name },
    input,
    h(
      'label',
      { for: id, class: 'drop-label' },
      h('span', { class: 'drop-icon', 'aria-hidden': 'true' }, '⇪'),
      h('span', { class: 'drop-main' }, o.label),
      h('span', { class: 'drop-or' }, t('files.orChoose')),
    ),
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
  );
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) o.onFiles([...input.files]);
    input.value = '';
  });
  let depth = 0;
  el.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth += 1;
    el.classList.add('drop-over');
  });
  el.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  el.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) el.classList.remove('drop-over');
  });
  el.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    el.classList.remove('drop-over');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) o.onFiles(o.multiple ? files : files.slice(0, 1));
  });
  return { el, input };
}

/** A progress bar with a text line `12.0 MB / 50.0 MB · 24%`, announced politely. */
export function progressBar(label: string): {
  el: HTMLElement;
  set: (done: number, total: number) => void;
  reset: () => void;
} {
  const id = uid('progress');
  const bar = h('progress', { id, max: 100, value: 0, 'aria-labelledby': `${id}-label` });
  const text = h('span', { class: 'progress-text', 'data-progress-text': '' }, '');
  const el = h(
    'div',
    { class: 'progress', hidden: true },
    h('div', { class: 'progress-head' }, h('span', { id: `${id}-label` }, label), text),
    bar,
  );
  return {
    el,
    set(done, total) {
      el.hidden = false;
      const p = percent(done, total);
      bar.value = p;
      bar.setAttribute('aria-valuetext', `${p}%`);
      text.textContent = `${formatBytes(done)} / ${formatBytes(total)} · ${p}%`;
    },
    reset() {
      el.hidden = true;
      bar.value = 0;
      text.textContent = '';
    },
  };
}

/**
 * One chosen file as both file lists show it: its name and size in the head with `aside` (a
 * result mark, a remove button) after them, then whatever follows (progress, digests).
 */
export function chosenItem(file: File, aside: Node, ...rest: Node[]): HTMLElement {
  return h(
    'li',
    { class: 'chosen-item', 'data-file': file.name },
    h(
      'div',
      { class: 'chosen-head' },
      h('span', { class: 'file-name' }, file.name),
      h('span', { class: 'file-meta' }, formatBytes(file.size)),
      aside,
    ),
    ...rest,
  );
}
