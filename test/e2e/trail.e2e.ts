/**
 * The custody trail, previews and plain words on the deposit page (issue 12 points 8 and 9), in
 * real Chromium: one page view by a notary is one `viewed` event — on the review page, which
 * reads the details and the receipt, and on the deposit page; the notary previews an image and a
 * PDF on request (each a recorded download, nothing read unasked) and downloads the notarial
 * certificate, which the owner's trail calls 下载公证证明; the owner pages the trail 20 at a time
 * and filters it by event; digests have copy buttons; the log's technical words wait behind
 * 技术详情. Each screen is checked with axe-core and photographed (desktop and 390 px).
 */
import { expect } from 'chai';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  consoleErrors,
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are checked field by field
type Body = any;

/** A real PNG: `width`×`height`, navy and white stripes (zlib and CRC-32 from node). */
function stripesPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const navy = Math.floor(y / 20) % 2 === 0;
    for (let x = 0; x < width; x++)
      rows.set(navy ? [20, 59, 107] : [232, 239, 248], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF (pdfkit, a standard font). */
function contractPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.fontSize(18).text('Supply contract (demo)', { align: 'center' });
    doc.moveDown().fontSize(11).text('Party A and Party B agree on the delivery of goods.');
    doc.end();
  });
}

/** The natural width of the image at `selector` once it has loaded (awaits its load event). */
async function imageWidth(page: Page, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const img = document.querySelector(${JSON.stringify(selector)});
    if (img.complete) return img.naturalWidth > 0 ? resolve(img.naturalWidth) : reject(new Error('broken image'));
    img.addEventListener('load', () => resolve(img.naturalWidth));
    img.addEventListener('error', () => reject(new Error('broken image')));
  })`);
}

/** No sideways scrolling (the 390 px layout). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

describe('custody trail, previews and plain words on the deposit page (Chromium)', function () {
  this.timeout(180_000);
  let h: Harness;
  let owner: string;
  let notary: string;
  /** A: a photo, a contract PDF and notes, applied for notarisation. */
  let a: { id: string; applicationId: string };
  /** B: 23 small files, each downloaded by the notary: a trail longer than one page. */
  let b: { id: string; applicationId: string };

  const api = async (method: string, path: string, token: string, json?: unknown) => {
    const r = await fetch(h.base + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await r.text();
    expect(r.status, `${method} ${path}: ${text}`).to.be.below(300);
    return (text ? JSON.parse(text) : undefined) as Body;
  };
  const login = async (username: string, password: string): Promise<string> =>
    (
      (await (
        await fetch(`${h.base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        })
      ).json()) as { token: string }
    ).token;
  const depositWith = async (
    title: string,
    files: { name: string; type: string; bytes: Uint8Array }[],
  ): Promise<{ id: string; applicationId: string }> => {
    const form = new FormData();
    form.append('title', title);
    for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type }), f.name);
    const made = await fetch(`${h.base}/api/v1/deposits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}` },
      body: form,
    });
    expect(made.status).to.equal(201);
    const id = ((await made.json()) as Body).deposit.id as string;
    const applied = await api('POST', `/api/v1/deposits/${id}/notarisation`, owner, {
      purpose: '用于民事诉讼举证',
      contact: '13800000000',
    });
    return { id, applicationId: applied.application.id };
  };
  /** The trail of `id` as its owner sees it (the whole trail). */
  const trailOf = async (id: string): Promise<Body[]> =>
    (await api('GET', `/api/v1/deposits/${id}/custody`, owner)).items;
  const notaryEvents = async (id: string, event: string): Promise<Body[]> =>
    (await trailOf(id)).filter((e) => e.event === event && e.actor.role === 'notary');

  before(async () => {
    h = await startHarness();
    owner = await login('demo-depositor', 'demo-depositor-pass');
    notary = await login('demo-notary', 'demo-notary-pass');
    a = await depositWith('供货合同纠纷证据（照片、合同、备注）', [
      { name: '现场照片.png', type: 'image/png', bytes: stripesPng(480, 320) },
      { name: '供货合同.pdf', type: 'application/pdf', bytes: await contractPdf() },
      { name: '备注.txt', type: 'text/plain', bytes: new TextEncoder().encode('备注：按期交货。') },
    ]);
    b = await depositWith(
      '仓库出入库单据（23 份）',
      Array.from({ length: 23 }, (_, i) => ({
        name: `出入库单-${String(i + 1).padStart(2, '0')}.txt`,
        type: 'text/plain',
        bytes: new TextEncoder().encode(`出入库单 第 ${i + 1} 号`),
      })),
    );
  });
  after(() => h?.close());
  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').to.deep.equal([]);
    const csp = consoleErrors.filter((l) => /Content Security Policy/i.test(l));
    expect(csp, 'CSP violations').to.deep.equal([]);
  });

  it('notary: one page view is one event — the review page and the deposit page', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-notary', 'demo-notary-pass');
    // the review page reads the details, then verifies the receipt in the browser
    await visit(page, `/notary/applications/${a.applicationId}`, 'notary-review');
    await page.waitForSelector('[data-receipt-status="verified"]');
    await page.waitForSelector('[data-custody]');
    expect((await notaryEvents(a.id, 'viewed')).map((e) => e.detail.resource)).to.deep.equal([
      'details',
    ]);
    // the deposit page read straight away (no review page first), and once more in English
    await visit(page, `/deposits/${b.id}`, 'deposit');
    await page.waitForSelector('[data-custody]');
    expect(await notaryEvents(b.id, 'viewed')).to.have.length(1);
    await switchLanguage(page, 'en');
    await page.reload();
    await ready(page, 'deposit');
    await switchLanguage(page, 'zh');
    expect(await notaryEvents(b.id, 'viewed')).to.have.length(1);
    await context.close();
  });

  it('notary: previews an image and a PDF only when asked, each a recorded download', async () => {
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-notary', 'demo-notary-pass');
    const links: string[] = [];
    page.on('request', (r) => {
      if (/\/files\/\d+\/link/.test(r.url())) links.push(r.url());
    });
    await visit(page, `/deposits/${a.id}`, 'deposit');
    await page.waitForSelector('[data-custody]');
    // nothing is read unasked; only images and PDFs have a 预览
    expect(await page.locator('.preview img, .preview iframe').count()).to.equal(0);
    expect(await notaryEvents(a.id, 'downloaded')).to.deep.equal([]);
    expect(
      await page.locator('[data-file="备注.txt"] [data-preview-file]').count(),
      'no preview of text',
    ).to.equal(0);
    const openPreviews = async (): Promise<void> => {
      await page.click('[data-file="现场照片.png"] [data-preview-file]');
      await page.waitForSelector('[data-file="现场照片.png"] .preview img');
      expect(await imageWidth(page, '[data-file="现场照片.png"] .preview img')).to.equal(480);
      const pdf = page.waitForResponse((r) => r.url().includes('/dl/') && r.status() === 200);
      await page.click('[data-file="供货合同.pdf"] [data-preview-file]');
      const served = await pdf;
      expect(served.headers()['content-type']).to.equal('application/pdf');
      expect(await page.getAttribute('[data-file="供货合同.pdf"] .preview iframe', 'src')).to.match(
        /^\/dl\/[A-Za-z0-9_-]{22}$/,
      );
    };
    await openPreviews();
    expect((await notaryEvents(a.id, 'downloaded')).map((e) => e.detail.file).sort()).to.deep.equal(
      [0, 1],
    );
    // folding and unfolding reads nothing again
    const asked = links.length;
    await page.click('[data-file="现场照片.png"] [data-preview-file]');
    expect(await page.isHidden('[data-file="现场照片.png"] .preview')).to.equal(true);
    await page.click('[data-file="现场照片.png"] [data-preview-file]');
    expect(await page.isVisible('[data-file="现场照片.png"] .preview img')).to.equal(true);
    expect(links).to.have.length(asked);
    expect(await page.textContent('[data-file="现场照片.png"] [data-preview-file]')).to.equal(
      '收起预览',
    );
    const shoot = async (name: string): Promise<void> => {
      expect(await axeViolations(page), `axe on ${name}`).to.deep.equal([]);
      await screenshot(page, name, '[data-file="现场照片.png"]');
    };
    await shoot('50-deposit-preview.zh');
    await switchLanguage(page, 'en');
    await openPreviews();
    await shoot('50-deposit-preview.en');
    await switchLanguage(page, 'zh');
    // the previews again after a language switch: the same downloads, no new events
    expect(await notaryEvents(a.id, 'downloaded')).to.have.length(2);
    await context.close();

    const phone = await openPage(h, PHONE);
    await signIn(phone.page, 'demo-notary', 'demo-notary-pass');
    await visit(phone.page, `/deposits/${a.id}`, 'deposit');
    await phone.page.click('[data-file="现场照片.png"] [data-preview-file]');
    await phone.page.waitForSelector('[data-file="现场照片.png"] .preview img');
    expect(await imageWidth(phone.page, '[data-file="现场照片.png"] .preview img')).to.equal(480);
    expect(await overflow(phone.page), 'no sideways scrolling at 390 px').to.be.at.most(0);
    expect(await axeViolations(phone.page)).to.deep.equal([]);
    await screenshot(phone.page, '51-phone-deposit-preview.zh', '[data-file="现场照片.png"]');
    await phone.context.close();
  });

  it('notary: the notarial certificate downloaded from the review page', async () => {
    for (const [step, json] of [
      ['claim', {}],
      ['decision', { decision: 'approve', opinion: '经审查，存证记录与文件一致。' }],
      ['issue', {}],
    ] as const)
      await api('POST', `/api/v1/notary/applications/${a.applicationId}/${step}`, notary, json);
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-notary', 'demo-notary-pass');
    await visit(page, `/notary/applications/${a.applicationId}`, 'notary-review');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="notarial"]'),
    ]);
    expect(download.suggestedFilename()).to.match(/\.pdf$/);
    await download.path();
    const reads = await notaryEvents(a.id, 'viewed');
    expect(reads.map((e) => [e.detail.resource, e.detail.certificate])).to.deep.equal([
      ['details', undefined],
      ['certificate', 'notarial'],
    ]);
    await context.close();
  });

  it('owner: the trail names each read; 20 at a time, 加载更多, a filter by event', async () => {
    // B's trail: submitted, the notary's view, then one download per file (23)
    for (let n = 0; n < 23; n++) {
      const r = await fetch(`${h.base}/api/v1/deposits/${b.id}/files/${n}`, {
        headers: { authorization: `Bearer ${notary}` },
      });
      expect(r.status).to.equal(200);
      await r.arrayBuffer();
    }
    const { page, context } = await openPage(h);
    await signIn(page, 'demo-depositor', 'demo-depositor-pass');
    // A: the notary's reads as they were
    await visit(page, `/deposits/${a.id}`, 'deposit');
    const labelOf = (key: string): Promise<string | null> =>
      page.textContent(`[data-custody] li[data-label="${key}"] strong`);
    await page.waitForSelector('[data-custody] li[data-label="trail.viewed.certificate.notarial"]');
    expect(await labelOf('trail.viewed.certificate.notarial')).to.equal('下载公证证明');
    expect(await labelOf('trail.viewed.details')).to.equal('查看存证详情');
    expect(await labelOf('trail.issued.notarial')).to.equal('生成公证证明 PDF');
    expect(await labelOf('trail.downloaded.named')).to.match(/^下载文件“/);
    expect(await page.locator('[data-custody] li', { hasText: '签发证书文件' }).count()).to.equal(
      0,
    );

    await visit(page, `/deposits/${b.id}`, 'deposit');
    await page.waitForSelector('[data-custody] li');
    const items = page.locator('[data-custody] > li');
    expect(await items.count()).to.equal(20);
    expect(await page.textContent('[data-trail-count]')).to.equal('共 25 条，显示 20 条');
    expect(await page.textContent('[data-trail-more]')).to.equal('加载更多（还有 5 条）');
    // the log index is a technical detail
    expect(await page.isVisible('[data-custody] li .tl-log')).to.equal(false);
    const shoot = async (name: string): Promise<void> => {
      expect(await axeViolations(page), `axe on ${name}`).to.deep.equal([]);
      await screenshot(page, name, '.card:has([data-custody-trail])');
    };
    await shoot('52-deposit-trail.zh');
    await switchLanguage(page, 'en');
    await page.waitForSelector('[data-custody] li');
    await shoot('52-deposit-trail.en');
    await switchLanguage(page, 'zh');
    await page.waitForSelector('[data-custody] li');
    await page.click('[data-trail-more]');
    await items.nth(24).waitFor();
    expect(await page.isHidden('[data-trail-more]')).to.equal(true);
    expect(
      await page.evaluate(`document.activeElement?.closest('li')?.dataset.event`),
      'the first new event has the focus',
    ).to.equal('downloaded');
    const shown = await page.$$eval('[data-custody] > li', (lis) =>
      lis.map((li) => li.getAttribute('data-event')),
    );
    expect(shown.slice(0, 2)).to.deep.equal(['notarisation-submitted', 'viewed']);
    expect(shown.filter((e) => e === 'downloaded')).to.have.length(23);
    // the filter: views only, then downloads only (20 and more)
    await page.selectOption('[data-trail-filter]', { label: '查阅' });
    await page.waitForSelector('[data-custody]:not([aria-busy])');
    expect(await items.count()).to.equal(1);
    expect(await items.first().getAttribute('data-event')).to.equal('viewed');
    expect(await page.isHidden('[data-trail-more]')).to.equal(true);
    await page.selectOption('[data-trail-filter]', { label: '下载' });
    await page.waitForSelector('[data-custody]:not([aria-busy])');
    expect(await page.locator('[data-custody] > li[data-event="downloaded"]').count()).to.equal(20);
    expect(await page.textContent('[data-trail-count]')).to.equal('共 23 条，显示 20 条');
    await page.click('[data-trail-more]');
    await items.nth(22).waitFor();
    expect(await items.count()).to.equal(23);
    // 技术详情 shows each event's log index
    // the <details> toggle event is a task queued after the click: wait for it, do not race it
    await page.click('[data-tech="trail"] summary');
    await page.locator('[data-custody] li .tl-log').first().waitFor({ state: 'visible' });
    await context.close();

    const phone = await openPage(h, PHONE);
    await signIn(phone.page, 'demo-depositor', 'demo-depositor-pass');
    await visit(phone.page, `/deposits/${b.id}`, 'deposit');
    await phone.page.waitForSelector('[data-custody] li');
    expect(await overflow(phone.page), 'no sideways scrolling at 390 px').to.be.at.most(0);
    expect(await axeViolations(phone.page)).to.deep.equal([]);
    await screenshot(phone.page, '53-phone-deposit-trail.zh', '.card:has([data-custody-trail])');
    await phone.context.close();
  });

  it('owner: plain words first, the log behind 技术详情, a copy button beside each digest', async () => {
    const { page, context } = await openPage(h);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.base });
    await signIn(page, 'demo-depositor', 'demo-depositor-pass');
    await visit(page, `/deposits/${a.id}`, 'deposit');
    await page.waitForSelector('[data-custody]');
    const deposit = (await api('GET', `/api/v1/deposits/${a.id}`, owner)).deposit;
    // no log words in front: the facts say it in plain words
    const facts = (await page.textContent('.col-main .card:first-child'))!;
    expect(facts).to.not.include('日志序号');
    expect(await page.textContent('[data-recorded]')).to.include('任何人都可以凭存证编号核验');
    expect(await page.isVisible('[data-download="certificate"]')).to.equal(true);
    for (const tag of ['receipt', 'tlog-proof'])
      expect(await page.isVisible(`[data-download="${tag}"]`), tag).to.equal(false);
    await page.click('[data-tech="documents"] summary');
    expect(await page.isVisible('[data-download="tlog-proof"]')).to.equal(true);
    expect(await page.textContent('[data-log-index]')).to.equal(String(deposit.index));
    // copy: the digest lands on the clipboard, and the button says so
    const row = '[data-file="供货合同.pdf"]';
    await page.click(`${row} [data-copy="sha256"]`);
    await page.waitForSelector(`${row} [data-copy="sha256"]:has-text("已复制")`);
    expect(await page.evaluate('navigator.clipboard.readText()')).to.equal(deposit.files[1].sha256);
    expect(await page.getAttribute(`${row} [data-copy="sm3"]`, 'aria-label')).to.equal(
      '复制 供货合同.pdf 的 SM3 摘要',
    );
    const shoot = async (name: string): Promise<void> => {
      expect(await axeViolations(page), `axe on ${name}`).to.deep.equal([]);
      await screenshot(page, name);
    };
    await page.waitForSelector(`${row} [data-copy="sha256"]:has-text("复制"):not(:has-text("已"))`);
    await shoot('54-deposit-plain.zh');
    await switchLanguage(page, 'en');
    await page.click('[data-tech="documents"] summary');
    await shoot('54-deposit-plain.en');
    await switchLanguage(page, 'zh');
    await context.close();

    const phone = await openPage(h, PHONE);
    await signIn(phone.page, 'demo-depositor', 'demo-depositor-pass');
    await visit(phone.page, `/deposits/${a.id}`, 'deposit');
    await phone.page.waitForSelector('[data-custody]');
    await phone.page.click('[data-tech="documents"] summary');
    expect(await overflow(phone.page), 'no sideways scrolling at 390 px').to.be.at.most(0);
    expect(await axeViolations(phone.page)).to.deep.equal([]);
    await screenshot(phone.page, '55-phone-deposit-files.zh', '.card:has(.manifest)');
    await screenshot(phone.page, '56-phone-deposit-documents.zh', '[data-tech="documents"]');
    await phone.context.close();
  });
});
