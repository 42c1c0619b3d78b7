/** Any path the app does not know. */
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { Page } from '../router.js';
import { pageTitle } from '../ui/common.js';

export const notFoundPage: Page = {
  name: 'not-found',
  title: 'notFound.title',
  render({ main }) {
    main.append(
      pageTitle(t('notFound.title'), t('notFound.lead')),
      h('p', null, h('a', { href: '/', class: 'btn' }, t('nav.home'))),
    );
  },
};
