/** The landing page, sign-in and registration. */
import { api, currentSession, login, setSession } from '../api.js';
import { h } from '../dom.js';
import { normalizeDepositNumber } from '../format.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Session } from '../types.js';
import { busy, card, field, notice, pageTitle } from '../ui/common.js';

const ROLE_HOME = {
  depositor: '/deposits',
  notary: '/notary',
  judge: '/judge',
  admin: '/admin',
} as const;

/** A safe in-app `next` target (no other origin, no protocol-relative URL). */
function nextTarget(query: URLSearchParams, fallback: string): string {
  const next = query.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

export const homePage: Page = {
  name: 'home',
  title: 'home.title',
  render({ main }) {
    const s = currentSession();
    if (s) {
      navigate(ROLE_HOME[s.user.role], true);
      return;
    }
    const q = h('input', {
      id: 'home-q',
      name: 'q',
      type: 'search',
      class: 'grow',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'HC 00000 00012 3',
    });
    const form = h(
      'form',
      { class: 'inline-form', role: 'search' },
      h('label', { for: 'home-q', class: 'visually-hidden' }, t('home.checkLabel')),
      q,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('home.checkButton')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const raw = q.value.trim();
      const id = normalizeDepositNumber(raw);
      const hex = /^[0-9a-fA-F]{64}$/.test(raw) ? raw.toLowerCase() : undefined;
      navigate(
        id
          ? `/verify?id=${id}`
          : hex
            ? `/verify?sha256=${hex}`
            : `/verify?q=${encodeURIComponent(raw)}`,
      );
    });
    const service = (title: string, text: string, icon: string): HTMLElement =>
      h(
        'li',
        { class: 'service' },
        h('span', { class: 'service-icon', 'aria-hidden': 'true' }, icon),
        h('h3', null, title),
        h('p', null, text),
      );
    main.append(
      h(
        'section',
        { class: 'hero' },
        h(
          'div',
          { class: 'hero-text' },
          h('p', { class: 'eyebrow' }, t('home.eyebrow')),
          h('h1', { tabindex: '-1' }, t('home.headline')),
          h('p', { class: 'lead' }, t('home.lead')),
          h(
            'div',
            { class: 'actions' },
            h('a', { href: '/register', class: 'btn btn-primary btn-large' }, t('home.start')),
            h('a', { href: '/login', class: 'btn btn-large' }, t('shell.login')),
          ),
        ),
        h(
          'div',
          { class: 'hero-check card' },
          h('h2', null, t('home.checkTitle')),
          h('p', { class: 'muted' }, t('home.checkHint')),
          form,
          h('p', { class: 'small' }, h('a', { href: '/verify/certificate' }, t('home.fullCheck'))),
        ),
      ),
      h(
        'ul',
        { class: 'services', 'aria-label': t('home.servicesLabel') },
        service(t('home.s1.title'), t('home.s1.text'), '存'),
        service(t('home.s2.title'), t('home.s2.text'), '证'),
        service(t('home.s3.title'), t('home.s3.text'), '验'),
      ),
      card(
        t('home.trust.title'),
        h(
          'ul',
          { class: 'ticks' },
          h('li', null, t('home.trust.1')),
          h('li', null, t('home.trust.2')),
          h('li', null, t('home.trust.3')),
          h('li', null, t('home.trust.4')),
        ),
      ),
    );
  },
};

export const loginPage: Page = {
  name: 'login',
  title: 'login.title',
  render({ main, query }) {
    const user = field({
      label: t('field.username'),
      name: 'username',
      required: true,
      autocomplete: 'username',
      spellcheck: false,
    });
    const pass = field({
      label: t('field.password'),
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    });
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-block' },
      t('login.submit'),
    );
    const form = h(
      'form',
      { class: 'form', 'aria-describedby': 'login-note' },
      user.wrap,
      pass.wrap,
      errors,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(submit, errors, async () => {
        const u = await login(user.input.value.trim(), pass.input.value);
        navigate(nextTarget(query, ROLE_HOME[u.role]), true);
      });
    });
    main.append(
      h(
        'div',
        { class: 'narrow' },
        pageTitle(t('login.title')),
        card(
          null,
          form,
          h(
            'p',
            { class: 'muted small', id: 'login-note' },
            t('login.noAccount'),
            ' ',
            h('a', { href: '/register' }, t('login.register')),
          ),
        ),
      ),
    );
  },
};

/** GB 11643: 17 digits, a valid birth date, and the MOD 11-2 check character. */
export function idNumberLooksValid(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === id[17];
}

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
      maxlength: 32,
    });
    const password = field({
      label: t('field.password'),
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('register.passwordHint'),
    });
    const displayName = field({
      label: t('field.displayName'),
      name: 'displayName',
      required: true,
      autocomplete: 'nickname',
      maxlength: 64,
    });
    const realName = field({
      label: t('field.realName'),
      name: 'realName',
      required: true,
      autocomplete: 'name',
      hint: t('register.realNameHint'),
      maxlength: 64,
    });
    const idNumber = field({
      label: t('field.idNumber'),
      name: 'idNumber',
      required: true,
      autocomplete: 'off',
      hint: t('register.idHint'),
      maxlength: 18,
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
      { class: 'form' },
      username.wrap,
      password.wrap,
      displayName.wrap,
      realName.wrap,
      idNumber.wrap,
      errors,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (password.input.value.length < 10) {
        errors.replaceChildren(notice('error', t('register.passwordShort')));
        password.input.focus();
        return;
      }
      if (!idNumberLooksValid(idNumber.input.value)) {
        errors.replaceChildren(notice('error', t('register.idInvalid')));
        idNumber.input.focus();
        return;
      }
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
