/** The landing page (sign-in and registration: login.ts, register.ts). */
import { currentSession } from '../api.js';
import { h } from '../dom.js';
import { normalizeDepositNumber } from '../format.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import { card } from '../ui/common.js';
import { ROLE_HOME } from './role-home.js';

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
