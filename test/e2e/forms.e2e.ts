/**
 * Forms, errors and account frictions (issue 12 points 2 and 9, docs/web.md) in real Chromium:
 * every error shows in Chinese under the field it concerns (the app's own checks, all at once,
 * and the server's named fields), never the browser's bubble nor the server's English; a title
 * over its limit is refused with the limit, not cut; the same file deposited twice is pointed
 * out first; the login back-off says why and counts down; passwords are changed and reset;
 * disabling asks for a reason the list shows; the footer's log links open an app page. Each
 * screen is checked with axe-core and photographed at desktop and 390 px (docs/screens/3x-*).
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  openPage,
  pageErrors,
  PHONE,
  ready,
  screenshot,
  signIn,
  startHarness,
  switchLanguage,
  visit,
  type Harness,
} from './harness.js';

/** Every field error text on the page, by field name. */
async function fieldErrors(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('[data-field-error]')]
    .map((e) => [e.dataset.fieldError, e.textContent]))`);
}

/** The error under `name` is tied to its control (aria-describedby, aria-invalid). */
async function tied(page: Page, name: string): Promise<boolean> {
  return page.evaluate(`(() => {
    const c = document.querySelector('form [name=${JSON.stringify(name)}]');
    const e = document.querySelector('[data-field-error=${JSON.stringify(name)}]');
    return !!c && !!e && c.getAttribute('aria-invalid') === 'true' &&
      (c.getAttribute('aria-describedby') || '').split(' ').includes(e.id);
  })()`);
}

/** No sideways scrolling. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/** axe finds nothing in Chinese and English; each photographed; `redo` restores the state. */
async function both(
  page: Page,
  name: string,
  redo: () => Promise<void>,
  at?: string,
): Promise<void> {
  expect(await axeViolations(page), `axe on ${name} (zh)`).to.deep.equal([]);
  await screenshot(page, `${name}.zh`, at);
  await switchLanguage(page, 'en');
  await redo();
  expect(await axeViolations(page), `axe on ${name} (en)`).to.deep.equal([]);
  await screenshot(page, `${name}.en`, at);
  await switchLanguage(page, 'zh');
  await redo();
}

/** The same screen at 390 px: fits, axe-clean, photographed in Chinese. */
async function phone(
  h: Harness,
  name: string,
  setUp: (page: Page) => Promise<void>,
  at?: string,
): Promise<void> {
  const { page, context } = await openPage(h, PHONE);
  await setUp(page);
  expect(await overflow(page), `${name}: no sideways scrolling at 390 px`).to.be.at.most(0);
  expect(await axeViolations(page), `axe on ${name} at 390 px`).to.deep.equal([]);
  await screenshot(page, `${name}.zh`, at);
  await context.close();
}

async function apiLogin(h: Harness, username: string, password: string): Promise<string> {
  const r = await fetch(`${h.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(r.status).to.equal(200);
  return ((await r.json()) as { token: string }).token;
}

describe('forms and errors (Chromium): in Chinese, beside their fields', function () {
  this.timeout(180_000);
  let h: Harness;
  let dir: string;
  let admin: string;

  before(async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'huicun-forms-e2e-'));
    admin = await apiLogin(h, 'demo-admin', 'demo-admin-pass');
  });
  after(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').to.deep.equal([]);
  });

  /** A notary account made by the admin through the API. */
  async function account(username: string): Promise<{ id: string }> {
    const r = await fetch(`${h.base}/api/v1/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        username,
        password: `${username} password`,
        role: 'notary',
        displayName: `${username} 显示名`,
        office: '上海市东方公证处',
      }),
    });
    expect(r.status, await r.clone().text()).to.equal(201);
    return ((await r.json()) as { user: { id: string } }).user;
  }

  it('registration: every problem at once, each under its field, in Chinese; the server’s too', async () => {
    const { page, context } = await openPage(h);
    const fill = async (): Promise<void> => {
      await page.fill('input[name="username"]', 'No Such Name!');
      await page.fill('input[name="password"]', 'short');
      await page.fill('input[name="passwordConfirm"]', 'different');
      await page.fill('input[name="idNumber"]', '110105199001011233');
      await page.click('form button[type="submit"]');
      await page.waitForSelector('[data-error-summary]');
    };
    await visit(page, '/register', 'register');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    expect(await page.getAttribute('form', 'novalidate')).to.equal('');
    await fill();
    expect(await fieldErrors(page)).to.deep.equal({
      username: '用户名应为 3–32 位小写字母、数字或 . _ -。',
      password: '密码应为 10–256 个字符。',
      passwordConfirm: '两次输入的密码不一致。',
      displayName: '请填写“显示名称”。',
      realName: '请填写“真实姓名”。',
      idNumber: '身份证号码格式或校验位不正确（18 位，含出生日期，末位校验位符合 GB 11643）。',
    });
    for (const name of ['username', 'passwordConfirm', 'displayName', 'idNumber'])
      expect(await tied(page, name), name).to.equal(true);
    expect(await page.textContent('[data-error-summary]')).to.contain('有 6 项需要修改');
    // the first bad field has the focus; nothing went to the server
    expect(await page.evaluate('document.activeElement.name')).to.equal('username');
    expect(requests.filter((u) => u.includes('/api/'))).to.deep.equal([]);
    await both(page, '30-register-errors', fill);

    // fixed fields lose their error as they are fixed
    await page.fill('input[name="username"]', 'forms-new-user');
    expect(await fieldErrors(page)).not.to.have.property('username');
    // a problem only the server sees (a bidirectional control in a name), shown under its field
    await page.fill('input[name="password"]', 'a long enough password');
    await page.fill('input[name="passwordConfirm"]', 'a long enough password');
    await page.fill('input[name="displayName"]', '张三\u202e');
    await page.fill('input[name="realName"]', '张三');
    await page.fill('input[name="idNumber"]', '11010519491231002X');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/register')),
      page.click('form button[type="submit"]'),
    ]);
    expect(refused.status()).to.equal(400);
    await page.waitForSelector('[data-field-error="displayName"]');
    expect((await fieldErrors(page)).displayName).to.equal(
      '“显示名称”含有不允许的字符 U+202E（换行、控制字符、双向控制字符或不可见字符），请删除后重试。',
    );
    expect(await tied(page, 'displayName')).to.equal(true);
    expect(await page.textContent('main')).not.to.match(/field "|must not|contains/);
    await page.fill('input[name="displayName"]', '张三');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/register') && r.status() === 201),
      page.click('form button[type="submit"]'),
    ]);
    await ready(page, 'deposits');
    await context.close();
    await phone(h, '30-phone-register-errors', async (p) => {
      await visit(p, '/register', 'register');
      await p.click('form button[type="submit"]');
      await p.waitForSelector('[data-error-summary]');
    });
  });

  it('sign-in: a wrong password in Chinese; the back-off says why and counts down', async () => {
    const { page, context } = await openPage(h);
    await visit(page, '/login', 'login');
    // the browser's own check never shows a bubble: the app says it under the field
    await page.click('form button[type="submit"]');
    expect(await fieldErrors(page)).to.deep.equal({
      username: '请填写“用户名”。',
      password: '请填写“密码”。',
    });
    await page.fill('input[name="username"]', 'demo-notary');
    await page.fill('input[name="password"]', 'not the password');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('.form-errors .notice-error');
    expect((await page.textContent('.form-errors'))!.trim()).to.equal('用户名或密码不正确。');
    await context.close();

    // the server holds the sign-in back (its 429 and Retry-After; the counts are
    // test/accounts/http-throttle.test.ts's): a clock the test moves
    const held = await openPage(h);
    await held.page.clock.install();
    await held.page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '32', 'content-type': 'application/json' },
        body: JSON.stringify({
          error: {
            code: 'LOGIN_THROTTLED',
            message: 'too many failed sign-ins to this account from this address; retry in 32 s',
          },
        }),
      }),
    );
    const p = held.page;
    const attempt = async (): Promise<void> => {
      await p.fill('input[name="username"]', 'demo-notary');
      await p.fill('input[name="password"]', 'another guess');
      await p.click('form button[type="submit"]');
      await p.waitForSelector('[data-retry-in]');
    };
    await visit(p, '/login', 'login');
    await attempt();
    const notice = (): Promise<string> => p.textContent('.form-errors').then((x) => x!.trim());
    expect(await notice()).to.equal(
      '从您所在的网络登录该账户失败次数过多，为防止猜测密码已暂停登录。 请 32 秒后再试。',
    );
    expect(await p.getAttribute('[data-retry-in]', 'role')).to.equal('timer');
    expect(await p.isDisabled('form button[type="submit"]')).to.equal(true);
    await p.clock.runFor(5_000);
    expect(await p.textContent('[data-retry-in]')).to.equal('请 27 秒后再试。');
    await both(p, '31-login-throttled', attempt);
    // the last attempt's countdown runs out: the button is given back
    await p.clock.runFor(33_000);
    expect(await p.textContent('[data-retry-in]')).to.equal('现在可以再试一次。');
    expect(await p.isDisabled('form button[type="submit"]')).to.equal(false);
    await held.context.close();
    await phone(h, '31-phone-login-throttled', async (q) => {
      await q.route('**/api/v1/auth/login', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'Retry-After': '125', 'content-type': 'application/json' },
          body: JSON.stringify({ error: { code: 'LOGIN_THROTTLED_ACCOUNT', message: 'x' } }),
        }),
      );
      await visit(q, '/login', 'login');
      await q.fill('input[name="username"]', 'demo-notary');
      await q.fill('input[name="password"]', 'a guess');
      await q.click('form button[type="submit"]');
      await q.waitForSelector('[data-retry-in]');
      expect(await q.textContent('[data-retry-in]')).to.equal('请 2 分 5 秒后再试。');
    });
  });

  it('new deposit: a long title is refused with its limit, not cut; a file deposited before is pointed out', async () => {
    const bytes = Buffer.from(`往来邮件（演示）\n${'第 1 封：关于交货期的确认。\n'.repeat(120)}`);
    const path = join(dir, '往来邮件.txt');
    writeFileSync(path, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // deposited once before, as hash only
    const token = await apiLogin(h, 'demo-depositor', 'demo-depositor-pass');
    const earlier = await fetch(`${h.base}/api/v1/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: '往来邮件（第一次存证）',
        files: [{ name: '往来邮件.txt', size: bytes.length, sha256 }],
      }),
    });
    expect(earlier.status).to.equal(201);
    const earlierId = ((await earlier.json()) as { deposit: { id: string } }).deposit.id;

    const { page, context } = await openPage(h);
    await signIn(page, 'demo-depositor', 'demo-depositor-pass');
    await visit(page, '/deposits/new', 'new-deposit');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/deposits')) posts.push(r.url());
    });
    const longTitle = '合同'.repeat(1000); // 2,000 characters, as if pasted
    const setUp = async (): Promise<void> => {
      await page.fill('input[name="title"]', longTitle);
      await page.setInputFiles('input[name="files"]', path);
      await page.waitForSelector('[data-chosen] li[data-duplicate]');
      await page.click('form button[type="submit"]');
      await page.waitForSelector('[data-field-error="title"]');
    };
    await setUp();
    // nothing was cut: the whole text is in the field, the counter and the error say the limit
    expect((await page.inputValue('input[name="title"]')).length).to.equal(2000);
    expect(await page.getAttribute('input[name="title"]', 'maxlength')).to.equal(null);
    expect(await page.textContent('[data-counter="title"]')).to.equal(
      '2000 / 200 · 超出 1800 个字符',
    );
    expect((await fieldErrors(page)).title).to.equal(
      '“存证标题”最多 200 个字符，现在有 2000 个，请删减（不会自动截断）。',
    );
    expect(await tied(page, 'title')).to.equal(true);
    // the earlier deposit of the same file, in its row; sizes in the certificate's units
    expect(
      await page.getAttribute('[data-chosen] [data-duplicate-of]', 'data-duplicate-of'),
    ).to.equal(earlierId);
    expect(await page.textContent('[data-chosen] .file-meta')).to.match(/^\d+\.\d+ KiB$/);
    expect(await page.textContent('[data-summary]')).to.contain('KiB');
    expect(posts).to.deep.equal([]);
    await both(page, '32-new-deposit-limit-duplicate', async () => {
      await page.fill('input[name="title"]', '');
      await setUp();
    });

    // a title within the limit: the form asks once about the file deposited before
    await page.fill('input[name="title"]', '往来邮件（再次存证）');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-duplicates-warning]');
    expect(await page.textContent('[data-duplicates-warning]')).to.contain(
      '以下文件您已存证过：往来邮件.txt',
    );
    expect(posts).to.deep.equal([]);
    await both(
      page,
      '33-new-deposit-duplicate-warning',
      async () => {
        await page.fill('input[name="title"]', '往来邮件（再次存证）');
        await page.setInputFiles('input[name="files"]', path);
        await page.waitForSelector('[data-chosen] li[data-duplicate]');
        await page.click('form button[type="submit"]');
        await page.waitForSelector('[data-duplicates-warning]');
      },
      '[data-duplicates-warning]',
    );
    const [made] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/deposits') && r.request().method() === 'POST',
      ),
      page.click('[data-deposit-again]'),
    ]);
    expect(made.status()).to.equal(201);
    await ready(page, 'deposit');
    await context.close();
    await phone(
      h,
      '33-phone-new-deposit-duplicate',
      async (q) => {
        await signIn(q, 'demo-depositor', 'demo-depositor-pass');
        await visit(q, '/deposits/new', 'new-deposit');
        await q.fill('input[name="title"]', longTitle);
        await q.setInputFiles('input[name="files"]', path);
        await q.waitForSelector('[data-chosen] li[data-duplicate]');
        await q.click('form button[type="submit"]');
        await q.waitForSelector('[data-field-error="title"]');
      },
      '[data-chosen]',
    );
  });

  it('account: the password changed with the current one; older sign-ins end', async () => {
    await account('forms-notary');
    const { page, context } = await openPage(h);
    const elsewhere = await openPage(h);
    await signIn(page, 'forms-notary', 'forms-notary password');
    await signIn(elsewhere.page, 'forms-notary', 'forms-notary password');
    await page.click('a.who');
    await ready(page, 'account');
    const fill = async (current: string, next: string, again: string): Promise<void> => {
      await page.fill('input[name="currentPassword"]', current);
      await page.fill('input[name="newPassword"]', next);
      await page.fill('input[name="newPasswordConfirm"]', again);
      await page.click('[data-form="change-password"] button[type="submit"]');
    };
    await fill('', 'a new notary password', 'not the same');
    expect(await fieldErrors(page)).to.deep.equal({
      currentPassword: '请填写“当前密码”。',
      newPasswordConfirm: '两次输入的密码不一致。',
    });
    // the server's refusal lands under the field it names
    const wrong = async (): Promise<void> => {
      await fill('not my password', 'a new notary password', 'a new notary password');
      await page.waitForSelector('[data-field-error="currentPassword"]');
    };
    await wrong();
    expect((await fieldErrors(page)).currentPassword).to.equal('当前密码不正确。');
    expect(await tied(page, 'currentPassword')).to.equal(true);
    await both(page, '34-account-password', wrong);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password') && r.status() === 200),
      fill('forms-notary password', 'a new notary password', 'a new notary password'),
    ]);
    await page.waitForSelector('[data-password-changed] .notice-ok');
    // this browser stays signed in; the other one is sent to sign in again
    await visit(page, '/notary', 'notary-queue');
    await elsewhere.page.reload();
    await elsewhere.page.waitForURL((u) => u.pathname === '/login');
    await signIn(elsewhere.page, 'forms-notary', 'a new notary password');
    await elsewhere.context.close();
    await context.close();
    await phone(h, '34-phone-account-password', async (q) => {
      await signIn(q, 'forms-notary', 'a new notary password');
      await visit(q, '/account', 'account');
      await q.fill('input[name="currentPassword"]', 'not my password');
      await q.fill('input[name="newPassword"]', 'short');
      await q.click('[data-form="change-password"] button[type="submit"]');
      await q.waitForSelector('[data-field-error="newPassword"]');
    });
  });

  it('admin: disabling asks for a reason the list shows; a new password generated and shown once', async () => {
    const { id } = await account('forms-notary-li');
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-admin', 'demo-admin-pass');
    await ready(page, 'admin');
    const open = async (): Promise<void> => {
      await page.waitForSelector('button[data-toggle="forms-notary-li"]');
      await page.click('button[data-toggle="forms-notary-li"]');
      await page.waitForSelector('[data-form="disable-user"]');
    };
    await open();
    // one click does not disable: the reason is asked for, and required
    await page.click('[data-form="disable-user"] button[type="submit"]');
    expect(await fieldErrors(page)).to.deep.equal({ reason: '请填写“停用理由”。' });
    expect(
      await page.isVisible('tr:has(button[data-toggle="forms-notary-li"]) .badge-ok'),
    ).to.equal(true);
    await both(page, '35-admin-disable-reason', open, '[data-account-action]');
    await page.fill('[data-form="disable-user"] input[name="reason"]', '调离本处，账户停用');
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/admin/users/${id}`)),
      page.click('[data-form="disable-user"] button[type="submit"]'),
    ]);
    expect(patched.request().postDataJSON()).to.deep.equal({
      disabled: true,
      reason: '调离本处，账户停用',
    });
    await page.waitForSelector('[data-disabled-reason="forms-notary-li"]');
    expect(await page.textContent('[data-disabled-reason="forms-notary-li"]')).to.equal(
      '理由：调离本处，账户停用',
    );
    // the disabled account is told so, in Chinese
    const other = await openPage(h);
    await visit(other.page, '/login', 'login');
    await other.page.fill('input[name="username"]', 'forms-notary-li');
    await other.page.fill('input[name="password"]', 'forms-notary-li password');
    await other.page.click('form button[type="submit"]');
    await other.page.waitForSelector('.form-errors .notice-error');
    expect((await other.page.textContent('.form-errors'))!.trim()).to.equal(
      '该账户已被停用，请联系管理员。',
    );
    // enabled again (at once), then a new password, generated and shown once
    await page.click('button[data-toggle="forms-notary-li"]');
    await page.waitForSelector('tr:has(button[data-toggle="forms-notary-li"]) .badge-ok');
    const reset = async (): Promise<void> => {
      await page.click('button[data-reset="forms-notary-li"]');
      await page.waitForSelector('[data-form="reset-password"]');
    };
    await reset();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/admin/users/${id}/password`)),
      page.click('[data-form="reset-password"] button[type="submit"]'),
    ]);
    const password = (await page.getAttribute('[data-new-password]', 'data-new-password'))!;
    expect(password).to.match(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await both(
      page,
      '36-admin-reset-password',
      async () => {
        await reset();
        await page.click('[data-form="reset-password"] button[type="submit"]');
        await page.waitForSelector('[data-new-password]');
      },
      '[data-account-action]',
    );
    // the latest password shown works; the first one no longer does
    const latest = (await page.getAttribute('[data-new-password]', 'data-new-password'))!;
    expect(latest).not.to.equal(password);
    await signIn(other.page, 'forms-notary-li', latest);
    await other.context.close();
    await context.close();
    await phone(
      h,
      '36-phone-admin-disable-reason',
      async (q) => {
        await signIn(q, 'demo-admin', 'demo-admin-pass');
        await ready(q, 'admin');
        await q.waitForSelector('button[data-toggle="demo-judge"]');
        await q.click('button[data-toggle="demo-judge"]');
        await q.click('[data-form="disable-user"] button[type="submit"]');
        await q.waitForSelector('[data-field-error="reason"]');
      },
      '[data-account-action]',
    );
  });

  it('footer: the log key and checkpoint open the 公开日志 page, not raw JSON', async () => {
    const key = (await (await fetch(`${h.base}/api/v1/log/key`)).json()) as { vkey: string };
    const { page, context } = await openPage(h);
    await visit(page, '/', 'home');
    for (const [label, hash] of [
      ['日志公钥', '#key'],
      ['最新检查点', '#checkpoint'],
      ['接口文档（OpenAPI）', '#api'],
    ] as const) {
      await visit(page, '/', 'home');
      await page.click(`.footer-links a:has-text("${label}")`);
      await ready(page, 'public-log');
      const url = new URL(page.url());
      expect(url.pathname + url.hash).to.equal(`/log${hash}`);
    }
    await page.waitForSelector('[data-vkey]');
    expect(await page.getAttribute('[data-vkey]', 'data-vkey')).to.equal(key.vkey);
    expect(Number(await page.getAttribute('[data-tree-size]', 'data-tree-size'))).to.be.greaterThan(
      0,
    );
    expect(await page.textContent('[data-verify-command]')).to.contain(`--log-key ${key.vkey}`);
    // programs still find the raw resources, linked from the page
    expect(await page.getAttribute('a[data-raw="/api/v1/log/key"]', 'href')).to.equal(
      '/api/v1/log/key',
    );
    await visit(page, '/log', 'public-log');
    await both(page, '37-public-log', async () => {
      await page.waitForSelector('[data-vkey]');
    });
    await context.close();
    await phone(h, '37-phone-public-log', async (q) => {
      await visit(q, '/log', 'public-log');
      await q.waitForSelector('[data-vkey]');
    });
  });
});
