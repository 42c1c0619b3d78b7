/**
 * The browser test harness (issue #7): builds the web application, starts a real server with
 * the demo accounts in-process, and drives Debian's Chromium with playwright-core. Pages are
 * waited for by selectors and responses, never by fixed sleeps. Page code runs from strings so
 * that this file type-checks without the DOM library.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb } from '../../web/build.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

export const CHROMIUM = process.env.HUICUN_CHROMIUM ?? '/usr/bin/chromium';
/** ecosystem.md §9: flags for headless Chromium as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const SCREENS_DIR = new URL('../../docs/screens/', import.meta.url).pathname;
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface Features {
  readonly certificate: boolean;
  readonly notarialCertificate: boolean;
  readonly links: boolean;
}

export interface Harness {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly base: string;
  readonly features: Features;
  close(): Promise<void>;
}

/** Launches Chromium (Playwright gives each launch a fresh, temporary --user-data-dir). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Builds the app, starts the server with the demo accounts and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  await buildWeb();
  const server = await startTestServer({ HUICUN_RATE_LIMITS: 'off' }, { seeds: true });
  const browser = await launchChromium();
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  const has = (p: string): boolean => Object.hasOwn(doc.paths, p);
  return {
    server,
    browser,
    base: server.url,
    features: {
      certificate: has('/api/v1/deposits/{id}/certificate.pdf'),
      notarialCertificate: has('/api/v1/notary/applications/{id}/certificate.pdf'),
      links: has('/api/v1/deposits/{id}/receipt/link'),
    },
    async close() {
      await browser.close();
      await server.dispose();
    },
  };
}

/** Uncaught errors of any page (a test asserts there are none). */
export const pageErrors: string[] = [];
/** console.error lines of any page (failed requests the test provoked show up here too). */
export const consoleErrors: string[] = [];

/** A fresh browser context (its own storage: one per person) with one page. */
export async function openPage(
  h: Harness,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    viewport,
    baseURL: h.base,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  return { context, page };
}

/** Waits until the app has rendered the page named `name` (`<html data-ready>`). */
export async function ready(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`html[data-ready="${name}"]`, { state: 'attached' });
}

/** Opens `path` and waits for its page. */
export async function visit(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  await ready(page, name);
}

/** Signs in through the login form. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await visit(page, '/login', 'login');
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.status() === 200),
    page.click('form button[type="submit"]'),
  ]);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs out with the header button. */
export async function signOut(page: Page): Promise<void> {
  await page.click('.tools button:not([data-lang-switch])');
  await ready(page, 'home');
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page and returns the violations as text lines.
 * axe is evaluated through the DevTools protocol, so a strict CSP does not stop it.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(`typeof window.axe === 'object'`))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
      v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`);
}

/** Largest screenshot committed (issue #7). */
export const MAX_SCREENSHOT_BYTES = 250 * 1024;

/**
 * Writes `docs/screens/<name>.png`: the viewport scrolled to the top, or to `at` (a selector)
 * when the page's point is further down; viewport only, so each stays under 250 KB.
 */
export async function screenshot(page: Page, name: string, at?: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  // no focus ring, hover, caret or running transitions in the picture
  await page.mouse.move(0, 0);
  await page.evaluate(
    'document.activeElement instanceof HTMLElement && document.activeElement.blur()',
  );
  await page.evaluate(
    at === undefined
      ? 'window.scrollTo(0, 0)'
      : `document.querySelector(${JSON.stringify(at)}).scrollIntoView({ block: 'start' }); window.scrollBy(0, -16)`,
  );
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  const bytes = statSync(path).size;
  if (bytes > MAX_SCREENSHOT_BYTES) throw new Error(`${name}.png is ${bytes} bytes (> 250 KB)`);
  return path;
}

/** Switches the language with the header button and waits for the page to render again. */
export async function switchLanguage(page: Page, to: 'zh' | 'en'): Promise<void> {
  const name = await page.evaluate(`document.documentElement.dataset.page`);
  await page.click(`button[data-lang-switch="${to}"]`);
  await page.waitForSelector(`html[lang="${to === 'zh' ? 'zh-CN' : 'en'}"][data-ready="${name}"]`, {
    state: 'attached',
  });
}
