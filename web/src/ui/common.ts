/**
 * Small building blocks shared by the pages: form fields, notices, buttons that show they are
 * busy, copy buttons, definition lists, state badges.
 * @module
 */
import { ApiError } from '../api.js';
import { h, uid, type Child } from '../dom.js';
import { formatWait } from '../format.js';
import { hasMessage, t } from '../i18n.js';
import {
  charCount,
  clearFormErrors,
  fieldLabel,
  fieldSummary,
  issueText,
  placeIssues,
  type Control,
} from './field-errors.js';

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
  /**
   * The most characters the server takes. Never a `maxlength` (it cuts pasted text silently): a
   * counter shows `n / max` near the limit (always, with `counter: 'always'`), and the form's
   * check refuses a longer text with the limit (docs/web.md).
   */
  readonly maxlength?: number;
  readonly counter?: 'always' | 'near';
  readonly pattern?: string;
  readonly inputmode?: string;
  readonly min?: string;
  readonly spellcheck?: boolean;
}

/** The share of its limit a text reaches before a `near` counter shows. */
const COUNTER_NEAR = 0.8;

/**
 * A labelled input (or textarea) with an optional hint and, for a field with a limit, a counter,
 * both tied by aria-describedby; errors go under it (ui/field-errors.ts).
 */
export function field(o: FieldOptions): {
  wrap: HTMLElement;
  input: HTMLInputElement | HTMLTextAreaElement;
} {
  const id = uid(o.name);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const countId = o.maxlength !== undefined ? `${id}-count` : undefined;
  const common = {
    id,
    name: o.name,
    required: o.required ?? false,
    autocomplete: o.autocomplete,
    placeholder: o.placeholder,
    'data-max': o.maxlength,
    'aria-describedby': [hintId, countId].filter(Boolean).join(' ') || undefined,
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
  const counter =
    o.maxlength !== undefined ? charCounter(input, o.maxlength, countId!, o.counter) : null;
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
    counter,
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
  );
  return { wrap, input };
}

/** `n / max` under a field, updated as it is typed; marked when over (nothing is cut). */
function charCounter(
  input: Control,
  max: number,
  id: string,
  when: 'always' | 'near' = 'near',
): HTMLElement {
  const el = h('p', { class: 'counter', id, 'data-counter': input.name });
  const update = (): void => {
    const count = charCount(input.value);
    const over = count - max;
    el.hidden = when === 'near' && count < max * COUNTER_NEAR;
    el.classList.toggle('counter-over', over > 0);
    el.textContent =
      t('form.counter', { count, limit: max }) +
      (over > 0 ? ` · ${t('form.counterOver', { over })}` : '');
  };
  input.addEventListener('input', update);
  // a value set by the page (form.reset(), a language switch re-render) counts too
  input.form?.addEventListener('reset', () => queueMicrotask(update));
  update();
  return el;
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

/**
 * The localized text of an error for the person at the screen: the app's own text of its code
 * (never the server's English), each bad field named, and how long to wait when the server says.
 */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.issues.length > 0 && err.code !== 'UNKNOWN_FIELD')
      return err.issues.map((i) => issueText(i, fieldLabel(i.field))).join(' ');
    const key = `error.${err.code}`;
    const text = hasMessage(key) ? t(key) : t('error.generic', { code: err.code });
    return err.retryAfter !== undefined
      ? `${text} ${t('error.retryIn', { time: formatWait(err.retryAfter) })}`
      : text;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Shows `err` where it belongs: each bad field the server named under its control in `form`
 * (found by name, or in `controls`), the rest, or a summary, in `box`.
 */
export function showError(
  err: unknown,
  box: HTMLElement,
  form?: HTMLFormElement | null,
  controls: Readonly<Record<string, Control>> = {},
): void {
  if (form) clearFormErrors(form);
  if (form && err instanceof ApiError && err.issues.length > 0 && err.code !== 'UNKNOWN_FIELD') {
    const left = placeIssues(form, err.issues, controls);
    const placed = err.issues.length - left.length;
    box.replaceChildren(
      ...(placed > 0 ? [fieldSummary(placed)] : []),
      ...left.map((i) => notice('error', issueText(i, fieldLabel(i.field)))),
    );
    return;
  }
  box.replaceChildren(notice('error', errorText(err)));
}

/** A notice box: `info`, `ok`, `warn`, or `error` (errors are announced as alerts). */
export function notice(kind: 'info' | 'ok' | 'warn' | 'error', ...children: Child[]): HTMLElement {
  return h(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    ...children,
  );
}

/**
 * Runs `work` while `button` shows it is busy; errors land under the fields of the button's form
 * they concern (or of `controls`, by the server's field names) and in `errorBox` (cleared first).
 */
export async function busy<T>(
  button: HTMLButtonElement,
  errorBox: HTMLElement,
  work: () => Promise<T>,
  controls: Readonly<Record<string, Control>> = {},
): Promise<T | undefined> {
  errorBox.replaceChildren();
  if (button.form) clearFormErrors(button.form);
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (err) {
    showError(err, errorBox, button.form, controls);
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
