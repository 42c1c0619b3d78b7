/**
 * The QR landing and the verification pages in real Chromium (issue 12, points 1, 7 and 9): a
 * phone that scans a certificate's QR code (`/verify?id=…`) gets the answer at once with no file
 * and no sign-in — exists, time in UTC+08:00 and UTC, notarial certificate yes/no, the log index
 * and checkpoint behind 技术详情, checked again in the browser with the same checks the API ran;
 * then all the deposit's files at once, each matched by digest; a mistyped number is told its
 * check character is wrong; the certificate page and its signed report give one verdict; the help
 * page. Each new screen is checked with axe-core and photographed, desktop and 390 px phone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { extractAttachments } from '../../src/pdf/index.js';
import { formatDepositNumber } from '../../src/entry/index.js';
import { CHECK_IDS } from '../../src/verify/checks.js';
import { call, type Body } from '../helpers/api.js';
import { makeEvidence, type Evidence } from './evidence.js';
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

const TITLE = '供货合同纠纷证据（二维码核验）';

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}

/** Sideways scrolling in px (0 when the page fits the viewport). */
async function overflow(page: Page): Promise<number> {
  return (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
}

/** axe in Chinese and English, a screenshot in each, back to Chinese. */
async function capture(
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

/** `[data-check]` ids and statuses under `root`. */
async function statuses(page: Page, root: string): Promise<[string, string][]> {
  return (await page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(`${root} [data-check]`)})].map((e) => [e.dataset.check, e.dataset.status])`,
  )) as [string, string][];
}

describe('QR landing and verification pages (Chromium)', function () {
  this.timeout(180_000);
  let h: Harness;
  let ev: Evidence;
  let depositId: string;
  let certificate: string;
  let plainId: string;

  before(async () => {
    ev = makeEvidence();
    h = await startHarness();
    const login = async (username: string): Promise<string> =>
      (
        await call(h.base, 'POST', '/api/v1/auth/login', {
          json: { username, password: `${username}-pass` },
        })
      ).body.token;
    const owner = await login('demo-depositor');
    const deposit = async (title: string): Promise<Body> => {
      const fd = new FormData();
      fd.append('title', title);
      for (const f of ev.uploads)
        fd.append('files', new Blob([readFileSync(f.path)], { type: f.type }), f.name);
      const r = await call(h.base, 'POST', '/api/v1/deposits', { token: owner, body: fd });
      expect(r.status, r.text).to.equal(201);
      return r.body.deposit;
    };
    depositId = (await deposit(TITLE)).id;
    plainId = (await deposit('未公证的存证')).id;
    const pdf = await fetch(`${h.base}/api/v1/deposits/${depositId}/certificate.pdf`, {
      headers: { authorization: `Bearer ${owner}` },
    });
    certificate = join(ev.dir, 'certificate.pdf');
    writeFileSync(certificate, new Uint8Array(await pdf.arrayBuffer()));
    // a notarial certificate is issued for the first deposit
    const app = (
      await call(h.base, 'POST', `/api/v1/deposits/${depositId}/notarisation`, {
        token: owner,
        json: { purpose: '用于民事诉讼举证', contact: '13800000000' },
      })
    ).body.application.id;
    const notary = await login('demo-notary');
    for (const [step, json] of [
      ['claim', undefined],
      ['decision', { decision: 'approve', opinion: '经审查，存证记录与文件一致。' }],
      ['issue', undefined],
    ] as const) {
      const r = await call(h.base, 'POST', `/api/v1/notary/applications/${app}/${step}`, {
        token: notary,
        ...(json ? { json } : {}),
      });
      expect(r.status, `${step}: ${r.text}`).to.equal(200);
    }
  });

  after(async () => {
    await h?.close();
    ev?.remove();
  });

  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').to.deep.equal([]);
  });

  it('a phone scanning the QR code gets the answer at once: exists, time, notarised, log index — nothing personal; the browser re-checks with the API’s checks', async () => {
    const { page, context } = await openPage(h, PHONE);
    const asked = page.waitForResponse((r) => r.url().endsWith('/api/v1/verify'));
    await visit(page, `/verify?id=${depositId}`, 'verify');
    const answer = await asked;
    expect(answer.request().headers()['authorization']).to.equal(undefined);
    expect(JSON.parse(answer.request().postData() ?? '{}')).to.deep.equal({ depositId });
    const api = (await answer.json()) as Body;
    await page.waitForSelector('[data-answer="found"]');
    expect(await textOf(page, '.answer-title')).to.equal('存证存在');
    expect(await textOf(page, '[data-number]')).to.equal(
      depositId.replace(/^(..)(.....)(.....)(.)$/, '$1 $2 $3 $4'),
    );
    const time = await textOf(page, '[data-time]');
    expect(time).to.contain('(UTC+08:00)').and.to.contain('UTC');
    expect(time).to.contain(api.deposit.createdAt.slice(0, 10));
    expect(await page.getAttribute('[data-notarised]', 'data-notarised')).to.equal('true');
    expect(await textOf(page, '[data-notarised]')).to.equal('已出具');
    // the browser checks the public log proof itself: the same checks, the same statuses
    await page.waitForSelector('[data-log-check="verified"]');
    const mine = await statuses(page, '[data-log-checks]');
    expect(mine.sort()).to.deep.equal(
      (api.checks as Body[]).map((c) => [c.id, c.status] as [string, string]).sort(),
    );
    expect(mine.every(([, s]) => s === 'pass')).to.equal(true);
    // the technical words are behind 技术详情, closed at first
    expect(await page.isVisible('[data-log-index]')).to.equal(false);
    expect(await page.isVisible('[data-log-checks]')).to.equal(false);
    expect(await textOf(page, '[data-log-index]')).to.equal(String(api.log.index));
    const text = await textOf(page, 'main');
    for (const secret of ['张三', '3101', TITLE, ev.uploads[0]!.name, ev.uploads[0]!.sha256]) {
      expect(text, secret).to.not.contain(secret);
      expect(JSON.stringify(api), secret).to.not.contain(secret);
    }
    expect(await overflow(page), 'no sideways scrolling at 390 px').to.be.at.most(0);
    const again = async (): Promise<void> => {
      await page.waitForSelector('[data-log-check="verified"]');
    };
    await capture(page, '18-phone-verify-number', again);
    // 技术详情 opened: still no violations and no sideways scrolling
    await page.click('[data-tech] > summary');
    await page.waitForSelector('[data-log-index]', { state: 'visible' });
    expect(await overflow(page), 'technical details fit at 390 px').to.be.at.most(0);
    expect(await axeViolations(page)).to.deep.equal([]);
    await screenshot(page, '19-phone-verify-details.zh', '[data-tech]');
    await context.close();
  });

  it('then all the deposit’s files at once, each matched by digest; a changed file is named', async () => {
    const { page, context } = await openPage(h, PHONE);
    await visit(page, `/verify?id=${depositId}`, 'verify');
    await page.waitForSelector('[data-answer="found"]');
    const check = async (paths: string[], verdict: string): Promise<void> => {
      await page.setInputFiles('input[name="evidence"]', paths);
      await page.waitForSelector(`[data-evidence] li:nth-child(${paths.length}) [data-hashed]`);
      await page.click('[data-form="files"] button[type="submit"]');
      await page.waitForSelector(`[data-result] [data-verdict="${verdict}"]`);
    };
    const all = ev.uploads.map((f) => f.path);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') sent.push(r.postData() ?? '');
    });
    await check(all, 'verified');
    expect(await page.locator('[data-evidence] [data-match="yes"]').count()).to.equal(3);
    for (const f of ev.uploads) {
      const row = page.locator(`[data-evidence] li[data-file="${f.name}"]`);
      expect(await row.locator('[data-digest="sha256"]').textContent()).to.equal(f.sha256);
      expect(await row.locator('[data-digest="sm3"]').textContent()).to.equal(f.sm3);
    }
    expect(await textOf(page, '[data-result] .verdict-detail')).to.contain('3 个文件都与存证');
    expect(
      sent.every((b) => b.length < 400),
      'only digests were sent',
    ).to.equal(true);
    expect(await overflow(page)).to.be.at.most(0);
    await capture(page, '20-phone-verify-files', () => check(all, 'verified'), '[data-file-check]');
    // one file changed: that one is told, the verdict is not verified
    await check([ev.uploads[1]!.path, ev.changed.path], 'not_verified');
    expect(await page.getAttribute(`[data-evidence] li:nth-child(2)`, 'data-match')).to.equal('no');
    expect(await page.getAttribute(`[data-evidence] li:nth-child(1)`, 'data-match')).to.equal(
      'yes',
    );
    // the visitor's own file names stay out of the answer
    expect(await textOf(page, '[data-result]')).to.not.contain(ev.uploads[1]!.name);
    expect(await textOf(page, '[data-result] .verdict-detail')).to.contain('2 个文件中只有 1 个');
    await context.close();
  });

  it('the home box answers a number at once; a mistyped check character is told so; an unknown number is not found', async () => {
    const { page, context } = await openPage(h);
    await visit(page, '/', 'home');
    await page.fill('#home-q', depositId.replace(/^(..)(.....)(.....)(.)$/, '$1 $2 $3 $4'));
    await page.click('.hero-check button[type="submit"]');
    await ready(page, 'verify');
    await page.waitForSelector('[data-answer="found"]');
    await page.waitForSelector('[data-log-check="verified"]');
    await capture(page, '21-verify-number', async () => {
      await page.waitForSelector('[data-log-check="verified"]');
    });
    // the second deposit: no notarial certificate
    await visit(page, `/verify?id=${plainId}`, 'verify');
    await page.waitForSelector('[data-answer="found"]');
    expect(await textOf(page, '[data-notarised]')).to.equal('未出具');
    // a mistyped number: the check character is wrong, and nothing is asked of the server
    const typo = depositId.slice(0, 10) + depositId[11] + depositId[10] + depositId.slice(12);
    const wrong =
      typo === depositId ? `${depositId.slice(0, -1)}${depositId.endsWith('0') ? '1' : '0'}` : typo;
    let asked = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/verify')) asked += 1;
    });
    await visit(page, '/', 'home');
    await page.fill('#home-q', wrong);
    await page.click('.hero-check button[type="submit"]');
    await ready(page, 'verify');
    await page.waitForSelector('[data-number-problem="check"]');
    expect(await textOf(page, '[data-number-problem]')).to.contain('校验位不对');
    expect(asked).to.equal(0);
    expect(await axeViolations(page)).to.deep.equal([]);
    await screenshot(page, '22-verify-wrong-check.zh');
    // a well-formed number nobody deposited
    await visit(page, `/verify?id=${formatDepositNumber(9_999_999)}`, 'verify');
    await page.waitForSelector('[data-answer="not_found"]');
    expect(await textOf(page, '.answer-title')).to.equal('未找到该存证');
    expect(await page.locator('[data-form="files"]').count()).to.equal(0);
    await context.close();
  });

  it('one verdict: the certificate page and the signed report agree check by check (document.issued passes in both)', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-depositor', 'demo-depositor-pass');
    await visit(page, '/verify/certificate', 'verify-certificate');
    await page.setInputFiles('input[name="certificate"]', certificate);
    await page.setInputFiles('input[name="evidence"]', ev.uploads[0]!.path);
    await page.waitForSelector('[data-evidence] [data-hashed]');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-result] [data-verdict="verified"]');
    const shown = await statuses(page, '[data-result]');
    expect(shown).to.have.length(CHECK_IDS.length); // every check, the stamp checks as skip
    expect(Object.fromEntries(shown)['document.issued']).to.equal('pass');
    // plain words in front, the check ids behind 技术详情
    expect(await page.isVisible('[data-plain-item="document"]')).to.equal(true);
    expect(await page.isVisible('[data-result] [data-checks]')).to.equal(false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="report"]'),
    ]);
    const path = join(ev.dir, 'report.pdf');
    await download.saveAs(path);
    const json = extractAttachments(new Uint8Array(readFileSync(path))).find((a) =>
      a.name.endsWith('.verification.json'),
    )!;
    const report = JSON.parse(new TextDecoder().decode(json.bytes)) as Body;
    expect(report.verdict).to.equal('verified');
    expect((report.checks as Body[]).map((c) => [c.id, c.status]).sort()).to.deep.equal(
      shown.sort(),
    );
    // all three files at once: each ✓ against the certificate
    await page.setInputFiles(
      'input[name="evidence"]',
      ev.uploads.map((f) => f.path),
    );
    await page.waitForSelector('[data-evidence] li:nth-child(3) [data-hashed]');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-result] [data-verdict="verified"]');
    expect(await page.locator('[data-evidence] [data-match="yes"]').count()).to.equal(3);
    expect(await axeViolations(page)).to.deep.equal([]);
    await screenshot(page, '23-verify-certificate-files.zh', '[data-result]');
    await context.close();
  });

  it('the help page says what SHA-256 and SM3 are and what “verified” proves, on desktop and phone', async () => {
    const { page, context } = await openPage(h);
    await visit(page, '/help', 'help');
    expect(await textOf(page, 'main'))
      .to.contain('SM3')
      .and.to.contain('不证明');
    await capture(page, '24-help', async () => undefined);
    await context.close();
    const phone = await openPage(h, PHONE);
    await visit(phone.page, '/help', 'help');
    expect(await overflow(phone.page)).to.be.at.most(0);
    expect(await axeViolations(phone.page)).to.deep.equal([]);
    await screenshot(phone.page, '25-phone-help.zh');
    await phone.context.close();
  });
});
