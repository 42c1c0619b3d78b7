/**
 * Counter deposits, the review checklist and the judge's notarial certificate in real Chromium
 * (issue 12 points 4–6, docs/web.md): the demo notary deposits a file for a walk-in client on
 * 窗口办理 and hands over the claim slip (printed alone), reissues its code; the client claims
 * the deposit with the new code on 认领存证 (the old one is refused) and applies for
 * notarisation; the notary reviews with the checklist — the system's checks with their results,
 * identity seen in person, the custody trail left unticked, an opinion — confirms 批准 in a
 * dialog that shows what will be printed, and issues; the certificate prints exactly that; the
 * demo judge, with a share, downloads it from the deposit page. Each screen is checked with
 * axe-core and photographed into docs/screens/ (40–49) at desktop and 390 px.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registerDepositor } from '../helpers/api.js';
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

const COURT = '上海市徐汇区人民法院';
const TITLE = '借条原件扫描（窗口办理）';
const OPINION = '申请人当面出示居民身份证，与存证人一致。\n经审查，同意出具公证证明。';

/** axe finds nothing in Chinese and English; each is photographed; `redo` restores the state. */
async function capture(
  page: Page,
  name: string,
  redo: () => Promise<void> = async () => undefined,
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

/** No sideways scrolling (the 390 px layout). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

async function api(h: Harness, method: string, path: string, token: string, json?: unknown) {
  const r = await fetch(h.base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await r.text();
  expect(r.status, `${method} ${path}: ${text}`).to.be.below(300);
  return text ? JSON.parse(text) : undefined;
}

/** Fills the counter-deposit form and submits it; returns the code on the slip. */
async function counterDeposit(page: Page, client: { name: string; id: string }): Promise<string> {
  const form = page.locator('[data-form="counter-deposit"]');
  await form.locator('input[name="clientName"]').fill(client.name);
  await form.locator('input[name="clientIdNumber"]').fill(client.id);
  await form.locator('input[name="title"]').fill(TITLE);
  await form.locator('input[name="files"]').setInputFiles({
    name: '借条.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 借条 IOU 10000 yuan'),
  });
  await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/notary/counter-deposits') && r.status() === 201,
    ),
    form.locator('button[type="submit"]').click(),
  ]);
  await page.waitForSelector('[data-claim-slip] [data-claim-code]');
  return (await page.textContent('[data-claim-code]'))!.trim();
}

describe('counter deposits, the review checklist and the judge’s notarial certificate (Chromium)', function () {
  this.timeout(180_000);
  let h: Harness;
  let dir: string;
  let client: { token: string; username: string; id: string; name: string };
  let depositId: string;
  let oldCode: string;
  let code: string;
  let applicationId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-notary-e2e-'));
    h = await startHarness();
    const r = await registerDepositor(h.base, '陈七');
    client = { token: r.token, username: r.user.username, id: r.idNumber, name: '陈七' };
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').to.deep.equal([]);
  });

  it('notary: deposits for a walk-in client, hands over the slip (printed alone), reissues the code', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-notary', 'demo-notary-pass');
    await ready(page, 'notary-queue');
    await page.click('nav a[href="/notary/counter"]');
    await ready(page, 'notary-counter');
    await page.waitForSelector('.empty');
    // the client's ID number is checked before it is sent
    await page.fill('input[name="clientName"]', client.name);
    await page.fill('input[name="clientIdNumber"]', '110101199003071234');
    await page.click('[data-form="counter-deposit"] button[type="submit"]');
    expect(await page.textContent('[data-form="counter-deposit"] .notice-error')).to.contain(
      '身份证号码',
    );
    oldCode = await counterDeposit(page, client);
    depositId = (await page.getAttribute('[data-claim-slip]', 'data-claim-slip'))!;
    const slip = (await page.textContent('[data-claim-slip]'))!;
    expect(slip).to.contain('上海市徐汇公证处').and.contain(client.name);
    expect(slip).to.contain(`${client.id.slice(0, 4)}**********${client.id.slice(-4)}`);
    expect(slip).to.not.contain(client.id);
    expect(slip).to.contain(`${h.base}/claim`);
    expect(oldCode).to.match(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    // the form forgot the client; the code is nowhere in the browser's storage
    expect(await page.inputValue('input[name="clientIdNumber"]')).to.equal('');
    const stored = await page.evaluate(
      'JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + location.href',
    );
    expect(stored).to.not.contain(oldCode);
    expect(await axeViolations(page), 'axe on the slip (zh)').to.deep.equal([]);
    await screenshot(page, '40-counter-slip.zh', '[data-claim-slip]');
    // printing prints the slip alone
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(`[
      getComputedStyle(document.querySelector('.site-header')).display,
      getComputedStyle(document.querySelector('[data-form="counter-deposit"]')).display,
      getComputedStyle(document.querySelector('.claim-slip .no-print')).display,
      getComputedStyle(document.querySelector('[data-claim-code]')).display,
    ]`);
    expect(shown).to.deep.equal(['none', 'none', 'none', 'block']);
    await page.emulateMedia({ media: 'screen' });
    // 完成 removes the slip: the code is not shown again
    await page.click('[data-action="slip-done"]');
    expect(await page.locator('[data-claim-slip]').count()).to.equal(0);
    // the client lost the slip: a new code, asked twice (in English this time)
    await switchLanguage(page, 'en');
    const row = page.locator(`.counter-table tr:has(a[href="/deposits/${depositId}"])`);
    await row.waitFor();
    expect(await row.locator('[data-claim-state]').getAttribute('data-claim-state')).to.equal(
      'open',
    );
    const reissue = row.locator(`[data-reissue="${depositId}"]`);
    await reissue.click();
    expect(await reissue.textContent()).to.contain('Press again');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/claim-code') && r.status() === 200),
      reissue.click(),
    ]);
    await page.waitForSelector('[data-claim-slip] [data-claim-code]');
    code = (await page.textContent('[data-claim-code]'))!.trim();
    expect(code).to.not.equal(oldCode);
    expect(await page.textContent('[data-claim-slip]')).to.contain('reissued');
    expect(await axeViolations(page), 'axe on the slip (en)').to.deep.equal([]);
    await screenshot(page, '40-counter-slip.en', '[data-claim-slip]');
    await switchLanguage(page, 'zh');
    await context.close();
  });

  it('depositor: the old code is refused, the new one claims the deposit', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, client.username, 'correct horse battery staple');
    await ready(page, 'deposits');
    await page.click('nav a[href="/claim"]');
    await ready(page, 'claim');
    await page.fill('input[name="code"]', oldCode);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/deposits/claim') && r.status() === 404),
      page.click('[data-form="claim"] button[type="submit"]'),
    ]);
    expect(await page.textContent('[data-form="claim"] .notice-error')).to.contain('取件码');
    await page.fill('input[name="code"]', code.toLowerCase());
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/deposits/claim') && r.status() === 200),
      page.click('[data-form="claim"] button[type="submit"]'),
    ]);
    await page.waitForSelector(`[data-claimed="${depositId}"]`);
    await capture(page, '41-claim', async () => {
      await ready(page, 'claim');
    });
    // (the language switch renders the page again: the notice went with it; the claim stays)
    await visit(page, `/deposits/${depositId}`, 'deposit');
    expect(await page.textContent('h1')).to.equal(TITLE);
    await page.waitForSelector('[data-custody] li[data-event="claimed"]');
    const made = await api(h, 'POST', `/api/v1/deposits/${depositId}/notarisation`, client.token, {
      purpose: '民间借贷纠纷诉讼',
      contact: '021-5555-0000',
    });
    applicationId = made.application.id;
    await context.close();
  });

  it('notary: reviews with the checklist, confirms 批准 in a dialog, issues; the certificate prints exactly that', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-notary', 'demo-notary-pass');
    await visit(page, `/notary/applications/${applicationId}`, 'notary-review');
    await page.click('[data-action="claim"]');
    await page.waitForSelector('[data-actions="in_review"]');
    await page.waitForSelector('[data-system-checks]');
    const results = await page.evaluate(
      `[...document.querySelectorAll('[data-check]')].map((e) => e.dataset.check + ':' + e.dataset.result)`,
    );
    expect(results).to.deep.equal([
      'files:pass',
      'commitment:pass',
      'inclusion:pass',
      'signature:pass',
    ]);
    await page.check('input[name="identitySeen"][value="in-person"]');
    await page.fill('textarea[name="opinion"]', OPINION);
    const restore = async (): Promise<void> => {
      await page.waitForSelector('[data-system-checks]');
      await page.check('input[name="identitySeen"][value="in-person"]');
      await page.fill('textarea[name="opinion"]', OPINION);
    };
    await capture(page, '42-review-checklist', restore, '#checklist');
    // 批准 asks first, showing what will be printed: the checks, the attestation made, the opinion
    await page.click('[data-action="approve"]');
    const dialog = page.locator('[data-dialog="confirm-approve"]');
    await dialog.waitFor();
    const shown = (await dialog.textContent())!;
    expect(shown).to.contain('当面查验').and.contain('经审查，同意出具公证证明。');
    expect(shown).to.not.contain('未见异常');
    expect(await dialog.locator('[data-check]').count()).to.equal(4);
    expect(await axeViolations(page), 'axe on the dialog (zh)').to.deep.equal([]);
    await screenshot(page, '43-confirm-approve.zh');
    await dialog.locator('[data-action="confirm-back"]').click();
    expect(await page.locator('[data-dialog]').count()).to.equal(0);
    await switchLanguage(page, 'en');
    await restore();
    await page.click('[data-action="approve"]');
    await dialog.waitFor();
    expect(await axeViolations(page), 'axe on the dialog (en)').to.deep.equal([]);
    await screenshot(page, '43-confirm-approve.en');
    await dialog.locator('[data-action="confirm-back"]').click();
    await switchLanguage(page, 'zh');
    await restore();
    await page.click('[data-action="approve"]');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/decision') && r.status() === 200),
      dialog.locator('[data-action="confirm-approve"]').click(),
    ]);
    await page.waitForSelector('[data-actions="approved"]');
    expect(await page.textContent('[data-examination] [data-opinion]')).to.equal(OPINION);
    await page.click('[data-action="issue"]');
    await page.waitForSelector('[data-actions="issued"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="notarial"]'),
    ]);
    const file = join(dir, 'notarial.pdf');
    await download.saveAs(file);
    const flat = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).stdout.replace(/\s/g, '');
    for (const s of [
      '平台核验',
      '重新读取平台保管的1个文件',
      '——通过',
      '公证员当面查验了申请人的身份证件',
      '申请人当面出示居民身份证，与存证人一致。',
      '经审查，同意出具公证证明。',
    ])
      expect(flat).to.include(s);
    expect(flat).to.not.include('未见异常'); // the custody trail was not attested
    await context.close();
  });

  it('judge: downloads the notarial certificate of a deposit shared with their court', async () => {
    const share = await api(h, 'POST', `/api/v1/deposits/${depositId}/shares`, client.token, {
      court: COURT,
      caseNumber: '（2026）沪0104民初77号',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-judge', 'demo-judge-pass');
    await ready(page, 'judge');
    await page.fill('input[name="code"]', share.code);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/shares/redeem') && r.status() === 200),
      page.click('[data-form="redeem"] button[type="submit"]'),
    ]);
    await ready(page, 'deposit');
    await page.waitForSelector('[data-download="notarial"]');
    await capture(
      page,
      '44-judge-notarial',
      async () => {
        await page.waitForSelector('[data-download="notarial"]');
      },
      '.card:has([data-download="notarial"])',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="notarial"]'),
    ]);
    const file = join(dir, 'judge-notarial.pdf');
    await download.saveAs(file);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.stdout).to.contain('公证证明');
    // the read is on the trail, as the judge's
    const trail = await api(h, 'GET', `/api/v1/deposits/${depositId}/custody`, client.token);
    expect(
      trail.items.some(
        (i: {
          event: string;
          actor: { role: string };
          receipt: { opening: { detail: { resource?: string; certificate?: string } } };
        }) =>
          i.event === 'viewed' &&
          i.actor.role === 'judge' &&
          i.receipt.opening.detail.resource === 'certificate' &&
          i.receipt.opening.detail.certificate === 'notarial',
      ),
    ).to.equal(true);
    await context.close();
  });

  it('at 390 px: the counter slip, the claim page, the checklist and dialog, the judge’s page fit, axe-clean', async () => {
    const notary = await openPage(h, PHONE);
    await signIn(notary.page, 'demo-notary', 'demo-notary-pass');
    await visit(notary.page, '/notary/counter', 'notary-counter');
    const other = await registerDepositor(h.base, '周八');
    await counterDeposit(notary.page, { name: '周八', id: other.idNumber });
    expect(await overflow(notary.page), 'no sideways scrolling at 390 px').to.be.at.most(0);
    expect(await axeViolations(notary.page)).to.deep.equal([]);
    await screenshot(notary.page, '45-phone-counter-slip.zh', '[data-claim-slip]');
    const phoneCode = (await notary.page.textContent('[data-claim-code]'))!.trim();

    const depositor = await openPage(h, PHONE);
    await signIn(depositor.page, other.user.username, 'correct horse battery staple');
    await visit(depositor.page, '/claim', 'claim');
    await depositor.page.fill('input[name="code"]', phoneCode);
    await depositor.page.click('[data-form="claim"] button[type="submit"]');
    await depositor.page.waitForSelector('[data-claimed]');
    const claimedId = (await depositor.page.getAttribute('[data-claimed]', 'data-claimed'))!;
    expect(await overflow(depositor.page)).to.be.at.most(0);
    expect(await axeViolations(depositor.page)).to.deep.equal([]);
    await screenshot(depositor.page, '46-phone-claim.zh');
    const made = await api(h, 'POST', `/api/v1/deposits/${claimedId}/notarisation`, other.token, {
      purpose: '诉讼',
      contact: '021-5555-0001',
    });
    await depositor.context.close();

    await visit(notary.page, `/notary/applications/${made.application.id}`, 'notary-review');
    await notary.page.click('[data-action="claim"]');
    await notary.page.waitForSelector('[data-system-checks]');
    await notary.page.check('input[name="identitySeen"][value="video"]');
    await notary.page.check('input[name="custodyTrailReviewed"]');
    await notary.page.fill('textarea[name="opinion"]', '同意出证。');
    expect(await overflow(notary.page)).to.be.at.most(0);
    expect(await axeViolations(notary.page)).to.deep.equal([]);
    await screenshot(notary.page, '47-phone-checklist.zh', '#checklist');
    await notary.page.click('[data-action="approve"]');
    await notary.page.waitForSelector('[data-dialog="confirm-approve"]');
    const shown = (await notary.page.textContent('[data-dialog="confirm-approve"]'))!;
    expect(shown).to.contain('通过视频查验').and.contain('未见异常');
    expect(await axeViolations(notary.page)).to.deep.equal([]);
    await screenshot(notary.page, '48-phone-confirm-approve.zh');
    await notary.context.close();

    const judge = await openPage(h, PHONE);
    await signIn(judge.page, 'demo-judge', 'demo-judge-pass');
    await visit(judge.page, `/deposits/${depositId}`, 'deposit');
    await judge.page.waitForSelector('[data-download="notarial"]');
    expect(await overflow(judge.page)).to.be.at.most(0);
    expect(await axeViolations(judge.page)).to.deep.equal([]);
    await screenshot(
      judge.page,
      '49-phone-judge-notarial.zh',
      '.card:has([data-download="notarial"])',
    );
    await judge.context.close();
  });
});
