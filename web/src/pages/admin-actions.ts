/**
 * The admin's actions on one account, in a panel under the list: disabling asks for a reason
 * (one line, kept in the admin entry and shown in the list), and a password reset either
 * generates a password shown once or takes the one the admin types (docs/SECURITY.md, "Sign-in").
 */
import { api } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { t } from '../i18n.js';
import type { User } from '../types.js';
import { busy, copyButton, field, notice } from '../ui/common.js';
import { checkForm } from '../ui/field-errors.js';
import { passwordCheck } from './account-checks.js';

/** The server's limit of an admin's reason (src/input/limits.ts, ADMIN_REASON_MAX_CHARS). */
const REASON_MAX_CHARS = 200;

export interface AccountActions {
  readonly el: HTMLElement;
  /** Asks for the reason to disable `user`. */
  disable(user: User): void;
  /** Offers a new password for `user`. */
  reset(user: User): void;
  close(): void;
}

/** The panel; `changed` receives each account the server changed. */
export function accountActions(changed: (user: User) => void): AccountActions {
  const el = h('section', { class: 'account-action', 'data-account-action': '', hidden: true });

  const open = (title: string, ...body: Node[]): void => {
    const id = uid('action');
    el.setAttribute('aria-labelledby', id);
    replace(el, h('h3', { id, tabindex: '-1' }, title), ...body);
    el.hidden = false;
    el.scrollIntoView({ block: 'nearest' });
    el.querySelector<HTMLElement>('input, h3')?.focus();
  };
  const close = (): void => {
    el.hidden = true;
    el.replaceChildren();
  };
  const cancel = (): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'btn' }, t('action.cancel'));
    b.addEventListener('click', close);
    return b;
  };

  const disable = (user: User): void => {
    const reason = field({
      label: t('admin.reason'),
      name: 'reason',
      required: true,
      hint: t('admin.reasonHint'),
      maxlength: REASON_MAX_CHARS,
      counter: 'always',
    });
    const errors = h('div', { class: 'form-errors' });
    const submit = h('button', { type: 'submit', class: 'btn btn-danger' }, t('admin.disableNow'));
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'data-form': 'disable-user' },
      reason.wrap,
      errors,
      h('div', { class: 'actions' }, submit, cancel()),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!checkForm(form, errors)) return;
      void busy(submit, errors, async () => {
        const r = await api<{ user: User }>('PATCH', `/api/v1/admin/users/${user.id}`, {
          disabled: true,
          reason: reason.input.value.trim(),
        });
        close();
        changed(r.user);
      });
    });
    open(
      t('admin.disableTitle', { name: user.username }),
      h('p', { class: 'muted' }, t('admin.disableLead')),
      form,
    );
  };

  const reset = (user: User): void => {
    const radio = (value: string, text: string, checked: boolean): HTMLLabelElement =>
      h('label', null, h('input', { type: 'radio', name: 'how', value, checked }), ' ', text);
    const how = h(
      'fieldset',
      { class: 'radios' },
      h('legend', null, t('admin.resetHow')),
      radio('generate', t('admin.resetGenerate'), true),
      radio('type', t('admin.resetType'), false),
    );
    const password = field({
      label: t('field.newPassword'),
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('register.passwordHint'),
    });
    password.wrap.hidden = true;
    how.addEventListener('change', () => {
      password.wrap.hidden = (form.elements.namedItem('how') as RadioNodeList).value !== 'type';
    });
    const errors = h('div', { class: 'form-errors' });
    const result = h('div', { 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('admin.resetNow'));
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'data-form': 'reset-password' },
      how,
      password.wrap,
      errors,
      h('div', { class: 'actions' }, submit, cancel()),
      result,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      result.replaceChildren();
      if (!checkForm(form, errors, { password: passwordCheck(password.input) })) return;
      const typed = !password.wrap.hidden;
      void busy(submit, errors, async () => {
        const r = await api<{ user: User; password?: string }>(
          'POST',
          `/api/v1/admin/users/${user.id}/password`,
          typed ? { password: password.input.value } : {},
        );
        form.reset();
        password.wrap.hidden = true;
        changed(r.user);
        replace(
          result,
          r.password !== undefined
            ? notice(
                'ok',
                h('p', null, t('admin.resetShown', { name: user.username })),
                h(
                  'p',
                  { class: 'inline-form' },
                  h('code', { class: 'new-password', 'data-new-password': r.password }, r.password),
                  copyButton(r.password),
                ),
                h('p', { class: 'small' }, t('admin.resetOnce')),
              )
            : notice('ok', t('admin.resetDone', { name: user.username })),
        );
      });
    });
    open(
      t('admin.resetTitle', { name: user.username }),
      h('p', { class: 'muted' }, t('admin.resetLead')),
      form,
    );
  };

  return { el, disable, reset, close };
}
