/**
 * The huicun web application: the shell (header, navigation, language switch, footer), routing,
 * and role checks. Pages live in `pages/`; the verifier is loaded only by the pages that verify.
 * @module
 */
import { currentSession, onSessionChange, setSession } from './api.js';
import { h, replace, svg } from './dom.js';
import { applyLang, lang, setLang, t } from './i18n.js';
import type { TextKey } from './texts.js';
import { notFoundPage } from './pages/not-found.js';
import { ROLE_HOME } from './pages/role-home.js';
import { matchPath } from './paths.js';
import { onNavigate, type Page } from './router.js';
import { pages } from './routes.js';
import type { Role } from './types.js';
import { installFieldChecks } from './ui/field-errors.js';

const NAV: Readonly<Record<Role | 'anonymous', readonly (readonly [string, TextKey])[]>> = {
  anonymous: [
    ['/', 'nav.home'],
    ['/verify', 'nav.verify'],
    ['/verify/certificate', 'nav.checkCertificate'],
  ],
  depositor: [
    ['/deposits', 'nav.deposits'],
    ['/deposits/new', 'nav.newDeposit'],
    ['/claim', 'nav.claim'],
    ['/verify', 'nav.verify'],
  ],
  notary: [
    ['/notary', 'nav.queue'],
    ['/notary/counter', 'nav.counter'],
    ['/verify/certificate', 'nav.checkCertificate'],
  ],
  judge: [
    ['/judge', 'nav.judge'],
    ['/verify/certificate', 'nav.checkCertificate'],
    ['/verify', 'nav.verify'],
  ],
  admin: [
    ['/admin', 'nav.admin'],
    ['/verify', 'nav.verify'],
  ],
};

function sealMark(): Element {
  // the brand mark: a round seal with 汇存 in seal red
  const text = svg('text', { x: '20', y: '25.5', class: 'seal-text', 'text-anchor': 'middle' });
  text.textContent = '存';
  return svg(
    'svg',
    { viewBox: '0 0 40 40', width: '38', height: '38', 'aria-hidden': 'true', class: 'seal' },
    svg('circle', { cx: '20', cy: '20', r: '18.5', class: 'seal-ring' }),
    svg('circle', { cx: '20', cy: '20', r: '15', class: 'seal-inner' }),
    text,
  );
}

const header = h('header', { class: 'site-header' });
const mainEl = h('main', { id: 'main', tabindex: '-1' });
const footer = h('footer', { class: 'site-footer' });

let renderToken = 0;
let firstRender = true;
let signingOut = false;
let currentPage: Page | undefined;

/** The nav item of the current path: the longest href that is the path or a parent of it. */
function activeHref(hrefs: readonly string[]): string | undefined {
  const path = location.pathname;
  return hrefs
    .filter((href) => path === href || (href !== '/' && path.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

function renderHeader(): void {
  const s = currentSession();
  const items = NAV[s?.user.role ?? 'anonymous'];
  const active = activeHref(items.map(([href]) => href));
  const other = lang() === 'zh' ? 'en' : 'zh';
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small btn-ghost lang-switch',
      'data-lang-switch': other,
      'aria-label': t('shell.switchLang'),
      lang: other === 'en' ? 'en' : 'zh-CN',
    },
    other === 'en' ? 'English' : '中文',
  );
  langButton.addEventListener('click', () => {
    setLang(other);
    void render();
  });
  const tools = h('div', { class: 'tools' });
  if (s) {
    const logout = h(
      'button',
      { type: 'button', class: 'btn btn-small btn-ghost' },
      t('shell.logout'),
    );
    logout.addEventListener('click', () => {
      signingOut = true;
      setSession(undefined);
      signingOut = false;
      navigateTo('/', false);
    });
    tools.append(
      h(
        'a',
        {
          href: '/account',
          class: 'who',
          title: t('nav.account'),
          'aria-current': location.pathname === '/account' ? 'page' : undefined,
        },
        h('span', { class: 'who-name' }, s.user.displayName),
        h('span', { class: 'who-role' }, t(`role.${s.user.role}` as TextKey)),
      ),
      logout,
    );
  } else {
    tools.append(
      h('a', { href: '/login', class: 'btn btn-small btn-ghost' }, t('shell.login')),
      h('a', { href: '/register', class: 'btn btn-small btn-light' }, t('shell.register')),
    );
  }
  tools.append(langButton);
  replace(
    header,
    h(
      'div',
      { class: 'bar' },
      h(
        'a',
        { href: s ? ROLE_HOME[s.user.role] : '/', class: 'brand' },
        sealMark(),
        h(
          'span',
          { class: 'brand-text' },
          h('span', { class: 'brand-name' }, t('brand.name')),
          h('span', { class: 'brand-sub' }, t('brand.tagline')),
        ),
      ),
      tools,
    ),
    h(
      'nav',
      { class: 'nav', 'aria-label': t('shell.nav') },
      h(
        'ul',
        null,
        items.map(([href, key]) =>
          h(
            'li',
            null,
            h('a', { href, 'aria-current': href === active ? 'page' : undefined }, t(key)),
          ),
        ),
      ),
    ),
  );
}

function renderFooter(): void {
  replace(
    footer,
    h(
      'div',
      { class: 'footer-inner' },
      h('p', null, t('footer.about')),
      h(
        'p',
        { class: 'footer-links' },
        // one app page explains them all; the raw JSON and text are linked from it
        h('a', { href: '/log#key' }, t('footer.logKey')),
        ' · ',
        h('a', { href: '/log#checkpoint' }, t('footer.checkpoint')),
        ' · ',
        h('a', { href: '/log#api' }, t('footer.api')),
        // the header hides the account link on a phone
        currentSession() ? [' · ', h('a', { href: '/account' }, t('nav.account'))] : null,
      ),
      h('p', { class: 'footer-law' }, t('footer.law')),
    ),
  );
}

function denied(page: Page): string | undefined {
  if (!page.roles) return undefined;
  const s = currentSession();
  if (!s) return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  if (!page.roles.includes(s.user.role)) return ROLE_HOME[s.user.role];
  return undefined;
}

/** The message of an error that stopped a page. */
function errorNotice(err: unknown): HTMLElement {
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    err instanceof Error ? err.message : String(err),
  );
}

/** Renders the page of the current location. */
async function render(): Promise<void> {
  const token = ++renderToken;
  applyLang();
  renderHeader();
  renderFooter();
  const found = matchPath(location.pathname);
  let page: Page;
  try {
    page = found ? await pages[found.name]() : notFoundPage;
  } catch (err) {
    // the page's chunk did not load (offline, or replaced by a newer build): say so
    if (token === renderToken) mainEl.replaceChildren(errorNotice(err));
    return;
  }
  if (token !== renderToken) return; // another navigation began meanwhile
  const redirect = denied(page);
  if (redirect) {
    navigateTo(redirect, true);
    return;
  }
  currentPage = page;
  document.documentElement.dataset.page = page.name;
  delete document.documentElement.dataset.ready;
  document.title = `${t(page.title)} · ${t('brand.name')}`;
  const container = h('div', { class: 'page', 'data-page': page.name });
  mainEl.replaceChildren(container);
  const alive = (): boolean => token === renderToken && container.isConnected;
  try {
    await page.render({
      main: container,
      params: found?.params ?? [],
      query: new URLSearchParams(location.search),
      alive,
    });
  } catch (err) {
    if (alive()) container.append(errorNotice(err));
  }
  if (!alive()) return;
  document.documentElement.dataset.ready = page.name;
  performance.mark(`huicun:ready:${page.name}`);
  if (!firstRender) {
    const title = container.querySelector<HTMLElement>('h1');
    (title ?? mainEl).focus();
  }
  // a link to a part of the page (the footer's /log#key): show that part
  if (location.hash.length > 1) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  firstRender = false;
}

function navigateTo(path: string, replaceEntry: boolean): void {
  if (replaceEntry) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  void render();
}

/** In-app links: same origin, no modifier keys, no download, not the API. */
function onClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
    return;
  }
  const a = (e.target as Element | null)?.closest('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  if (/^\/(api|tlog|dl|metrics)(\/|$)/.test(url.pathname)) return;
  if (url.pathname + url.search === location.pathname + location.search) {
    if (!url.hash) e.preventDefault();
    return;
  }
  e.preventDefault();
  navigateTo(url.pathname + url.search + url.hash, false);
}

function start(): void {
  const app = document.getElementById('app') ?? document.body;
  replace(
    app,
    h('a', { href: '#main', class: 'skip-link' }, t('shell.skip')),
    header,
    mainEl,
    footer,
    h('div', { id: 'live', class: 'visually-hidden', 'aria-live': 'polite' }),
  );
  document.addEventListener('click', onClick);
  installFieldChecks();
  window.addEventListener('popstate', () => void render());
  onNavigate(navigateTo);
  onSessionChange(() => {
    renderHeader();
    renderFooter();
    // signed out by the server (expired or refused token): back to the sign-in page
    if (!signingOut && !currentSession() && currentPage?.roles) {
      navigateTo(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, true);
    }
  });
  void render();
}

start();
