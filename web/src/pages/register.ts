/**
 * Registration of a depositor: every field's problem at once, each under its field (the app's
 * own checks first, then the server's), and the password typed twice.
 */
import { api, setSession } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Session } from '../types.js';
import { busy, card, field, pageTitle } from '../ui/common.js';
import { checkForm } from '../ui/field-errors.js';
import { confirmCheck, idNumberCheck, passwordCheck, usernameCheck } from './account-checks.js';

/** The server's limit of names (src/input/limits.ts, NAME_MAX_CHARS). */
const NAME_MAX_CHARS = 64;

export const registerPage: Page = {
  name: 'register',
  title: 'register.title',
  render({ main }) {
    const username = field({
      label: t('field.username'),
      name: 'username',
      required: true,
      autocomplete: 'username',
      hint: t('register.usernameHint'),
      spellcheck: false,
    });
    const password = field({
      label: t('field.password'),
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('register.passwordHint'),
    });
    const confirm = field({
      label: t('field.passwordConfirm'),
      name: 'passwordConfirm',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
    });
    const displayName = field({
      label: t('field.displayName'),
      name: 'displayName',
      required: true,
      autocomplete: 'nickname',
      maxlength: NAME_MAX_CHARS,
    });
    const realName = field({
      label: t('field.realName'),
      name: 'realName',
      required: true,
      autocomplete: 'name',
      hint: t('register.realNameHint'),
      maxlength: NAME_MAX_CHARS,
    });
    const idNumber = field({
      label: t('field.idNumber'),
      name: 'idNumber',
      required: true,
      autocomplete: 'off',
      hint: t('register.idHint'),
      spellcheck: false,
    });
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-block' },
      t('register.submit'),
    );
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'data-form': 'register' },
      username.wrap,
      password.wrap,
      confirm.wrap,
      displayName.wrap,
      realName.wrap,
      idNumber.wrap,
      errors,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const ok = checkForm(form, errors, {
        username: usernameCheck(username.input),
        password: passwordCheck(password.input),
        passwordConfirm: confirmCheck(password.input, confirm.input),
        idNumber: idNumberCheck(idNumber.input),
      });
      if (!ok) return;
      void busy(submit, errors, async () => {
        const s = await api<Session>('POST', '/api/v1/auth/register', {
          username: username.input.value.trim(),
          password: password.input.value,
          displayName: displayName.input.value.trim(),
          realName: realName.input.value.trim(),
          idNumber: idNumber.input.value.trim().toUpperCase(),
        });
        setSession({
          token: s.token,
          user: s.user,
          ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}),
        });
        navigate('/deposits', true);
      });
    });
    main.append(
      h(
        'div',
        { class: 'narrow' },
        pageTitle(t('register.title'), t('register.lead')),
        card(null, form),
        h(
          'p',
          { class: 'muted small' },
          t('register.haveAccount'),
          ' ',
          h('a', { href: '/login' }, t('shell.login')),
        ),
      ),
    );
  },
};
