/**
 * Errors beside their fields (docs/web.md): the app's own checks before a form is sent and the
 * server's `issues` after, both shown under the field they concern, in the page's language, tied
 * to it by `aria-describedby` and marked `aria-invalid`. The browser's own bubbles ("Please fill
 * out this field") never show: forms are `novalidate` and checked here, and {@link
 * installFieldChecks} turns any remaining native check into the same messages.
 * @module
 */
import type { FieldIssue } from '../api.js';
import { h } from '../dom.js';
import { t, tOr } from '../i18n.js';

/** A form control that can carry an error. */
export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A check of one control by its page: the message, or undefined when it is fine. */
export type ControlCheck = () => string | undefined;

function isControl(el: unknown): el is Control {
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  );
}

/** The number of characters the server counts: code points after NFC and trimming. */
export function charCount(text: string): number {
  return [...text.normalize('NFC').trim()].length;
}

/** The visible label of a control (without the required mark), else its name. */
export function labelOf(control: Control): string {
  const label = control.id ? document.querySelector(`label[for="${control.id}"]`) : null;
  const text = label?.textContent ?? control.getAttribute('aria-label') ?? control.name;
  return text.replace(/\s*\*$/, '').trim();
}

function slotOf(control: Control, create: boolean): HTMLElement | undefined {
  const id = `${control.id || control.name}-error`;
  const found = document.getElementById(id);
  if (found || !create) return found ?? undefined;
  const slot = h('p', { class: 'field-error', id, 'data-field-error': control.name });
  const wrap = control.closest('.field, .drop');
  const hint = wrap?.querySelector(':scope > .counter, :scope > .hint');
  if (hint) hint.before(slot);
  else control.after(slot);
  return slot;
}

function describedBy(control: Control, id: string, on: boolean): void {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const next = on ? [id, ...ids.filter((x) => x !== id)] : ids.filter((x) => x !== id);
  if (next.length > 0) control.setAttribute('aria-describedby', next.join(' '));
  else control.removeAttribute('aria-describedby');
}

/** Shows `text` under `control` and marks it invalid. */
export function setFieldError(control: Control, text: string): void {
  const slot = slotOf(control, true)!;
  slot.textContent = text;
  control.setAttribute('aria-invalid', 'true');
  describedBy(control, slot.id, true);
}

/** Removes the error of `control`, if any. */
export function clearFieldError(control: Control): void {
  const slot = slotOf(control, false);
  control.removeAttribute('aria-invalid');
  if (!slot) return;
  describedBy(control, slot.id, false);
  slot.remove();
}

/** The controls of `form` a person fills in (shown, enabled, not buttons). */
export function controlsOf(form: HTMLFormElement): Control[] {
  return [...form.elements].filter(
    (el): el is Control =>
      isControl(el) &&
      !el.disabled &&
      !['hidden', 'submit', 'button', 'reset'].includes(el.type) &&
      el.closest('[hidden]') === null,
  );
}

/** Removes every field error of `form`. */
export function clearFormErrors(form: HTMLFormElement): void {
  for (const el of form.elements) if (isControl(el)) clearFieldError(el);
}

/**
 * What is wrong with `control` by the app's own rules, in the page's language: required, too
 * short, not in its format, or over its `data-max` characters (nothing is ever cut).
 */
export function validityText(control: Control): string | undefined {
  const field = labelOf(control);
  const max = Number(control.dataset.max);
  if (max > 0 && !(control instanceof HTMLSelectElement)) {
    const count = charCount(control.value);
    if (count > max) return t('problem.too-long', { field, limit: max, count });
  }
  const v = control.validity;
  if (v.valueMissing || (control.required && control.value.trim() === ''))
    return t('problem.required', { field });
  if (v.tooShort)
    return t('problem.too-short', { field, min: control.getAttribute('minlength') ?? '' });
  if (v.typeMismatch || v.patternMismatch || v.badInput || v.rangeUnderflow || v.rangeOverflow)
    return tOr(`rule.${control.name}`, t('problem.invalid', { field }));
  return undefined;
}

/**
 * Checks every control of `form` at once — the app's rules and the page's own `checks` by
 * control name — and shows every problem under its field. Puts a summary in `box` and focuses
 * the first bad field; true when all is well.
 */
export function checkForm(
  form: HTMLFormElement,
  box: HTMLElement,
  checks: Readonly<Record<string, ControlCheck>> = {},
): boolean {
  const bad: Control[] = [];
  for (const control of controlsOf(form)) {
    const text = validityText(control) ?? checks[control.name]?.();
    if (text === undefined) {
      clearFieldError(control);
    } else {
      setFieldError(control, text);
      bad.push(control);
    }
  }
  box.replaceChildren();
  if (bad.length === 0) return true;
  box.append(summary(bad.length));
  bad[0]!.focus();
  return false;
}

function summary(n: number): HTMLElement {
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert', 'data-error-summary': '' },
    t('problem.summary', { n }),
  );
}

/** The text of one bad field the server named, with `field` the name shown for it. */
export function issueText(issue: FieldIssue, field: string): string {
  const vars = {
    field,
    limit: issue.limit ?? '',
    min: issue.min ?? '',
    codePoint: issue.codePoint ?? '',
  };
  if (issue.code === 'FIELD_TOO_LONG') return t('problem.limit', vars);
  if (issue.code === 'INVALID_FIELD') {
    switch (issue.problem) {
      case 'required':
      case 'empty':
        return t('problem.required', vars);
      case 'unicode':
        return t('problem.unicode', vars);
      case 'character':
        return t('problem.character', vars);
      case 'too-short':
        return t('problem.too-short', vars);
      default:
        return tOr(`rule.${issue.field}`, t('problem.invalid', vars));
    }
  }
  return tOr(`error.${issue.code}`, t('problem.invalid', vars), vars);
}

/** The name shown for a field the server names (its label's text in the app's tables). */
export function fieldLabel(name: string): string {
  return tOr(`field.${name}`, name);
}

/**
 * Places each of `issues` under its control in `form` (found by name, or in `controls`);
 * returns the issues that have no control there.
 */
export function placeIssues(
  form: HTMLFormElement,
  issues: readonly FieldIssue[],
  controls: Readonly<Record<string, Control>> = {},
): FieldIssue[] {
  const left: FieldIssue[] = [];
  let first: Control | undefined;
  for (const issue of issues) {
    const named = controls[issue.field] ?? form.elements.namedItem(issue.field);
    const control = isControl(named) && named.closest('[hidden]') === null ? named : undefined;
    if (!control) {
      left.push(issue);
      continue;
    }
    setFieldError(control, issueText(issue, labelOf(control)));
    first ??= control;
  }
  first?.focus();
  return left;
}

/** A summary notice for `n` fields marked under themselves. */
export function fieldSummary(n: number): HTMLElement {
  return summary(n);
}

/**
 * Turns the browser's own checks into the app's messages for every form (none shows a bubble):
 * an `invalid` control gets its text under it, and a control's error goes once it is fixed.
 */
export function installFieldChecks(root: Document = document): void {
  let focusPending = false;
  root.addEventListener(
    'invalid',
    (e) => {
      const control = e.target;
      if (!isControl(control)) return;
      e.preventDefault();
      setFieldError(
        control,
        validityText(control) ?? t('problem.invalid', { field: labelOf(control) }),
      );
      if (!focusPending) {
        focusPending = true;
        queueMicrotask(() => {
          focusPending = false;
          control.focus();
        });
      }
    },
    true,
  );
  const recheck = (e: Event): void => {
    const control = e.target;
    if (!isControl(control) || control.getAttribute('aria-invalid') !== 'true') return;
    if (validityText(control) === undefined) clearFieldError(control);
  };
  root.addEventListener('input', recheck, true);
  root.addEventListener('change', recheck, true);
}
