/**
 * One's own account: who one is signed in as, and a change of password (docs/SECURITY.md,
 * "Sign-in"): the current password, the new one twice. Every older sign-in ends; this browser
 * gets a fresh one and stays signed in.
 */
import { ROLES } from '../../../src/accounts/roles.js';
import { api, currentSession, setSession } from '../api.js';
import { h, replace } from '../dom.js';
import { t, type TextKey } from '../i18n.js';
import type { Page } from '../router.js';
import type { Session } from '../types.js';
import { announce, busy, card, facts, field, notice, pageTitle } from '../ui/common.js';
import { checkForm } from '../ui/field-errors.js';
import { confirmCheck, passwordCheck } from './account-checks.js';

export const accountPage: Page = {
  name: 'account',
  title: 'account.title',
  roles: ROLES,
  render({ main }) {
    const s = currentSession()!;
    const u = s.user;
    const current = field({
      label: t('field.currentPassword'),
      name: 'currentPassword',
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    });
    const next = field({
      label: t('field.newPassword'),
      name: 'newPassword',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('register.passwordHint'),
    });
    const confirm = field({
      label: t('field.passwordConfirm'),
      name: 'newPasswordConfirm',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
    });
    const errors = h('div', { class: 'form-errors' });
    const done = h('div', { 'aria-live': 'polite', 'data-password-changed': '' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('account.change'));
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'data-form': 'change-password' },
      current.wrap,
      next.wrap,
      confirm.wrap,
      errors,
      h('div', { class: 'actions' }, submit),
      done,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      done.replaceChildren();
      const ok = checkForm(form, errors, {
        newPassword: passwordCheck(next.input, 'rule.newPassword'),
        newPasswordConfirm: confirmCheck(next.input, confirm.input),
      });
      if (!ok) return;
      void busy(submit, errors, async () => {
        const r = await api<Session>('POST', '/api/v1/auth/password', {
          currentPassword: current.input.value,
          newPassword: next.input.value,
        });
        setSession({
          token: r.token,
          user: r.user,
          ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
        });
        form.reset();
        replace(done, notice('ok', t('account.changed')));
        announce(t('account.changed'));
      });
    });
    main.append(
      h(
        'div',
        { class: 'narrow' },
        pageTitle(t('account.title'), t('account.lead')),
        card(
          t('account.who'),
          facts([
            [t('field.username'), h('span', { class: 'mono' }, u.username)],
            [t('field.displayName'), u.displayName],
            [t('field.role'), t(`role.${u.role}` as TextKey)],
            u.court !== undefined && [t('field.court'), u.court],
            u.office !== undefined && [t('field.office'), u.office],
          ]),
        ),
        card(
          t('account.passwordTitle'),
          h('p', { class: 'muted' }, t('account.passwordLead')),
          form,
        ),
      ),
    );
  },
};
