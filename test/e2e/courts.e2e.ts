/**
 * The court list in the browser (issue 12 point 3, docs/courts.md), in real Chromium: the admin
 * adds a court to the 法院名录 and creates a judge bound to it by picking it from the list; the
 * depositor shares a deposit with that court by searching and picking it in the share dialog
 * (an unlisted court is refused, and the depositor is told why); the judge redeems the code.
 * Each step is checked with axe-core and photographed into docs/screens/ at desktop and 390 px.
 */
import { expect } from 'chai';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  MAX_SCREENSHOT_BYTES,
  openPage,
  pageErrors,
  PHONE,
  ready,
  screenshot,
  SCREENS_DIR,
  signIn,
  startHarness,
  switchLanguage,
  visit,
  type Harness,
} from './harness.js';

const COURT = '上海市静安区人民法院';
const COURT_EN = "Shanghai Jing'an District People's Court";
const JUDGE = { username: 'judge-jingan', password: 'judge jingan password' };

/** Types `text` into the court picker inside `scope` and waits for `name` among the options. */
async function search(page: Page, scope: string, text: string, name: string): Promise<void> {
  await page.fill(`${scope} input[data-court-picker]`, text);
  // the list once it answers this text (not a list still showing an earlier search)
  const list = `${scope} [role="listbox"][data-query=${JSON.stringify(text)}]:not([hidden])`;
  await page.waitForSelector(`${list} [role="option"]:has-text("${name}")`);
}

/** No sideways scrolling (the 390 px layout). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/**
 * `docs/screens/<name>.png` with the picker's list open: the harness's `screenshot` blurs the
 * focused element first, which would close it.
 */
async function shotOpen(page: Page, name: string, at: string): Promise<void> {
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.mouse.move(0, 0); // no hover in the picture
  await page.evaluate(
    `document.querySelector(${JSON.stringify(at)}).scrollIntoView({ block: 'start' }); window.scrollBy(0, -16)`,
  );
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect(statSync(path).size, `${name}.png`).to.be.at.most(MAX_SCREENSHOT_BYTES);
}

/**
 * axe finds nothing, in Chinese and English, and each is photographed; `redo` brings the state
 * back after a language switch re-renders the page.
 */
async function checkBoth(
  page: Page,
  name: string,
  shoot: (name: string) => Promise<unknown>,
  redo: () => Promise<void>,
): Promise<void> {
  expect(await axeViolations(page), `axe on ${name} (zh)`).to.deep.equal([]);
  await shoot(`${name}.zh`);
  await switchLanguage(page, 'en');
  await redo();
  expect(await axeViolations(page), `axe on ${name} (en)`).to.deep.equal([]);
  await shoot(`${name}.en`);
  await switchLanguage(page, 'zh');
  await redo();
}

describe('court list (Chromium): a share to a listed court redeems', function () {
  this.timeout(180_000);
  let h: Harness;
  let depositId: string;
  let courtId: string;
  let shareCode: string;

  before(async () => {
    h = await startHarness();
    // the depositor's deposit, made through the API (the deposit pages have their own journeys)
    const login = await fetch(`${h.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-depositor', password: 'demo-depositor-pass' }),
    });
    const { token } = (await login.json()) as { token: string };
    const made = await fetch(`${h.base}/api/v1/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: '静安案证据',
        files: [{ name: '合同.pdf', size: 1234, sha256: 'cd'.repeat(32) }],
      }),
    });
    expect(made.status).to.equal(201);
    depositId = ((await made.json()) as { deposit: { id: string } }).deposit.id;
  });
  after(() => h?.close());
  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').to.deep.equal([]);
  });

  it('admin: adds a court to the 法院名录, then a judge bound to it picked from the list', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-admin', 'demo-admin-pass');
    await ready(page, 'admin');
    await page.waitForSelector('[data-courts] table');
    const add = page.locator('[data-form="add-court"]');
    await add.locator('input[name="name"]').fill(COURT);
    await add.locator('input[name="nameEn"]').fill(COURT_EN);
    await add.locator('input[name="region"]').fill('上海市静安区');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/courts') && r.status() === 201),
      add.locator('button[type="submit"]').click(),
    ]);
    courtId = ((await created.json()) as { court: { id: string } }).court.id;
    await page.waitForSelector(`[data-courts] button[data-court-toggle="${courtId}"]`);
    // the same name again is refused, and the admin is told why, under the field
    await add.locator('input[name="name"]').fill(` ${COURT} `);
    await add.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-form="add-court"] [data-field-error="name"]');
    expect(await page.textContent('[data-form="add-court"] [data-field-error="name"]')).to.contain(
      '名录中已有同名的法院',
    );
    await add.locator('input[name="name"]').fill('');
    await checkBoth(
      page,
      '18-admin-courts',
      (name) => screenshot(page, name, '.card:has([data-courts])'),
      async () => {
        await page.waitForSelector(`[data-courts] button[data-court-toggle="${courtId}"]`);
      },
    );

    const form = page.locator('[data-form="create-user"]');
    await form.locator('input[name="username"]').fill(JUDGE.username);
    await form.locator('input[name="displayName"]').fill('静安法官');
    await form.locator('input[name="password"]').fill(JUDGE.password);
    await form.locator('select[name="role"]').selectOption('judge');
    await search(page, '[data-form="create-user"]', '静安', COURT);
    await page.click(`[data-form="create-user"] [role="option"][data-court-id="${courtId}"]`);
    expect(await form.locator('input[name="court"]').inputValue()).to.equal(COURT);
    const [judge] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/users') && r.status() === 201),
      form.locator('button[type="submit"]').click(),
    ]);
    const sent = judge.request().postDataJSON() as Record<string, unknown>;
    expect(sent).to.include({ courtId }).and.not.have.property('court');
    const user = ((await judge.json()) as { user: Record<string, unknown> }).user;
    expect(user).to.include({ court: COURT, courtId });
    await context.close();
  });

  it('depositor: shares with the court picked from the list; an unlisted court is refused with a reason', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-depositor', 'demo-depositor-pass');
    await visit(page, `/deposits/${depositId}`, 'deposit');
    await page.waitForSelector('[data-form="share"]');
    const share = page.locator('[data-form="share"]');
    // search, see the list (by Chinese or English name), pick the court with the keyboard
    const openList = async (): Promise<void> => {
      await page.waitForSelector('[data-form="share"]');
      await search(page, '[data-form="share"]', '上海', COURT);
    };
    await openList();
    await checkBoth(
      page,
      '19-share-court-picker',
      (name) => shotOpen(page, name, '[data-form="share"]'),
      openList,
    );
    // a court not in the list: the picker says so, and the server's refusal is explained
    await share.locator('input[data-court-picker]').fill('徐汇区法院');
    await page.waitForSelector('[data-form="share"] [data-court-status]:has-text("徐汇区法院")');
    await share.locator('input[name="caseNumber"]').fill('（2026）沪0106民初1号');
    await share.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-form="share"] [data-field-error="court"]');
    expect(await page.textContent('[data-form="share"] [data-field-error="court"]')).to.contain(
      '法院名录中没有这个法院',
    );
    await search(page, '[data-form="share"]', "jing'an", COURT);
    expect(await share.locator('[role="option"]').count()).to.equal(1);
    await page.press('[data-form="share"] input[data-court-picker]', 'ArrowDown');
    await page.press('[data-form="share"] input[data-court-picker]', 'Enter');
    expect(await share.locator('input[data-court-picker]').inputValue()).to.equal(COURT);
    expect(await share.locator('[role="listbox"]').isHidden()).to.equal(true);
    await share.locator('input[name="caseNumber"]').fill('（2026）沪0106民初1号');
    const [made] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/shares') && r.status() === 201),
      share.locator('button[type="submit"]').click(),
    ]);
    expect(made.request().postDataJSON()).to.include({ courtId });
    shareCode = (await page.getAttribute('[data-share-code]', 'data-share-code'))!;
    await page.waitForSelector(`[data-shares] td:has-text("${COURT}")`);
    await context.close();
  });

  it('judge: the judge bound to that court redeems the code', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, JUDGE.username, JUDGE.password);
    await ready(page, 'judge');
    await page.fill('input[name="code"]', shareCode);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/shares/redeem') && r.status() === 200),
      page.click('[data-form="redeem"] button[type="submit"]'),
    ]);
    await ready(page, 'deposit');
    expect(await page.getAttribute('[data-deposit-id]', 'data-deposit-id')).to.equal(depositId);
    await context.close();
    // the demo judge sits at another court: the same code is not theirs
    const other = await openPage(h);
    await signIn(other.page, 'demo-judge', 'demo-judge-pass');
    await ready(other.page, 'judge');
    await other.page.fill('input[name="code"]', shareCode);
    await Promise.all([
      other.page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/shares/redeem') && r.status() === 404,
      ),
      other.page.click('[data-form="redeem"] button[type="submit"]'),
    ]);
    await other.context.close();
  });

  it('at 390 px: the picker and the court list fit, axe-clean', async () => {
    const phone = await openPage(h, PHONE);
    await signIn(phone.page, 'demo-depositor', 'demo-depositor-pass');
    await visit(phone.page, `/deposits/${depositId}`, 'deposit');
    await search(phone.page, '[data-form="share"]', '上海', COURT);
    expect(await overflow(phone.page), 'no sideways scrolling at 390 px').to.be.at.most(0);
    expect(await axeViolations(phone.page)).to.deep.equal([]);
    await shotOpen(phone.page, '20-phone-court-picker.zh', '[data-form="share"]');
    await phone.context.close();
    const admin = await openPage(h, PHONE);
    await signIn(admin.page, 'demo-admin', 'demo-admin-pass');
    await ready(admin.page, 'admin');
    await admin.page.waitForSelector('[data-courts] table');
    expect(await overflow(admin.page), 'no sideways scrolling on /admin at 390 px').to.be.at.most(
      0,
    );
    expect(await axeViolations(admin.page)).to.deep.equal([]);
    await screenshot(admin.page, '21-phone-admin-courts.zh', '.card:has([data-courts])');
    await admin.context.close();
  });
});
