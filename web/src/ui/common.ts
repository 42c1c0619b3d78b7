/**
 * Small building blocks shared by the pages: form fields, notices, buttons that show they are
 * busy, copy buttons, definition lists, state badges.
 * @module
 */
import { ApiError } from '../api.js';
import { h, uid, type Child } from '../dom.js';
import { hasMessage, t, tOr } from '../i18n.js';

/** The polite live region of the shell: screen readers hear what is put here. */
export function announce(text: string): void {
  const region = document.getElementById('live');
  if (!region) return;
  region.textContent = '';
  // a new text node each time so the same message is announced again
  requestAnimationFrame(() => {
    region.textContent = text;
  });
}

export interface FieldOptions {
  readonly label: string;
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly hint?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly maxlength?: number;
  readonly pattern?: string;
  readonly inputmode?: string;
  readonly min?: string;
  readonly spellcheck?: boolean;
}

/** A labelled input (or textarea) with an optional hint tied by aria-describedby. */
export function field(o: FieldOptions): {
  wrap: HTMLElement;
  input: HTMLInputElement | HTMLTextAreaElement;
} {
  const id = uid(o.name);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const common = {
    id,
    name: o.name,
    required: o.required ?? false,
    autocomplete: o.autocomplete,
    placeholder: o.placeholder,
    maxlength: o.maxlength,
    'aria-describedby': hintId,
    spellcheck: o.spellcheck === false ? 'false' : undefined,
  };
  const input = o.multiline
    ? h('textarea', { ...common, rows: 3 }, o.value ?? '')
    : h('input', {
        ...common,
        type: o.type ?? 'text',
        value: o.value,
        pattern: o.pattern,
        inputmode: o.inputmode,
        min: o.min,
      });
  const wrap = h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: id },
      o.label,
      o.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    input,
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
  );
  return { wrap, input };
}

/** A labelled select. */
export function selectField(
  label: string,
  name: string,
  options: readonly (readonly [value: string, text: string])[],
  value?: string,
): { wrap: HTMLElement; select: HTMLSelectElement } {
  const id = uid(name);
  const select = h(
    'select',
    { id, name },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), select), select };
}

/** The localized text of an error for the person at the screen. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}`;
    const field = /field "(\w+)"/.exec(err.message)?.[1];
    if (err.code === 'INVALID_FIELD' && field)
      return t('error.INVALID_FIELD.named', { field: fieldName(field), rule: err.message });
    if (hasMessage(key)) return t(key);
    return t('error.generic', { code: err.code, message: err.message });
  }
  return err instanceof Error ? err.message : String(err);
}

function fieldName(field: string): string {
  return tOr(`field.${field}`, field);
}

/** A notice box: `info`, `ok`, `warn`, or `error` (errors are announced as alerts). */
export function notice(kind: 'info' | 'ok' | 'warn' | 'error', ...children: Child[]): HTMLElement {
  return h(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    ...children,
  );
}

/** Runs `work` while `button` shows it is busy; errors land in `errorBox` (cleared first). */
export async function busy<T>(
  button: HTMLButtonElement,
  errorBox: HTMLElement,
  work: () => Promise<T>,
): Promise<T | undefined> {
  errorBox.replaceChildren();
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (err) {
    errorBox.replaceChildren(notice('error', errorText(err)));
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A button that copies `text` and says so. */
export function copyButton(text: string, label = t('action.copy')): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'btn btn-small btn-quiet' }, label);
  button.addEventListener('click', () => {
    const done = (): void => {
      button.textContent = t('action.copied');
      announce(t('action.copied'));
      setTimeout(() => (button.textContent = label), 2000);
    };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
    } else {
      fallbackCopy(text, done);
    }
  });
  return button;
}

function fallbackCopy(text: string, done: () => void): void {
  const area = h('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' }, text);
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
    done();
  } finally {
    area.remove();
  }
}

/** A definition list of label → value rows. */
export function facts(rows: readonly (readonly [string, Child] | null | false)[]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows
      .filter((r): r is readonly [string, Child] => Boolean(r))
      .map(([k, v]) => h('div', { class: 'fact' }, h('dt', null, k), h('dd', null, v))),
  );
}

/** A coloured badge with text (the colour is never the only signal: the text says it). */
export function badge(text: string, tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted'): HTMLElement {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** A page heading that takes the focus after navigation. */
export function pageTitle(text: string, sub?: Child): HTMLElement {
  return h(
    'div',
    { class: 'page-head' },
    h('h1', { tabindex: '-1', id: 'page-title' }, text),
    sub ? h('p', { class: 'lead' }, sub) : null,
  );
}

/** A card section with a heading. */
export function card(title: string | null, ...children: Child[]): HTMLElement {
  const headingId = title ? uid('card') : undefined;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': headingId },
    title ? h('h2', { id: headingId }, title) : null,
    ...children,
  );
}

/** A hex digest shown whole, in monospace, selectable. */
export function digest(hex: string | undefined, label?: string): HTMLElement {
  if (!hex) return h('span', { class: 'muted' }, '—');
  return h('code', { class: 'digest', 'aria-label': label }, hex);
}

/** A spinner line while a page loads its data. */
export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}
