/**
 * Previews of deposited files (issue 12 point 9, docs/SECURITY.md "Previews"): a PNG, JPEG, GIF,
 * WebP or PDF file is served inline through a one-time `/dl/` link with a policy that lets only
 * our own pages embed it; the preview is the recorded download (one event per file and window,
 * shared with a later download); any other type — SVG and text included — is refused inline
 * with 400 INVALID_QUERY and records nothing.
 */
import { expect } from 'chai';
import { inlinePolicy } from '../../src/evidence/preview.js';
import { call, type Body } from '../helpers/api.js';
import {
  deposit,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.4\n% a test document\n%%EOF\n');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
const TXT = new TextEncoder().encode('plain words');

describe('file previews: inline only for images and PDF, recorded as the download', () => {
  let server: TestServer;
  let owner: Persona;
  let notary: Persona;
  let id: string;
  const downloads = async (): Promise<Body[]> =>
    (
      await call(server.url, 'GET', `/api/v1/deposits/${id}/custody?event=downloaded`, {
        token: owner.token,
      })
    ).body.items;
  /** A `/dl/` link to file `n` made by `who`, with `query`. */
  const link = async (n: number, query: string, who: Persona = notary): Promise<string> => {
    const r = await call(server.url, 'POST', `/api/v1/deposits/${id}/files/${n}/link${query}`, {
      token: who.token,
    });
    expect(r.status, r.text).to.equal(201);
    return server.url + (r.body.url as string);
  };

  before(async () => {
    ({ server } = await startCaseworkServer());
    owner = await makeDepositor(server);
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const form = new FormData();
    form.append('title', '预览');
    form.append('files', new Blob([PNG], { type: 'image/png' }), '现场照片.png');
    form.append('files', new Blob([PDF], { type: 'application/pdf' }), '合同.pdf');
    form.append('files', new Blob([SVG], { type: 'image/svg+xml' }), 'drawing.svg');
    form.append('files', new Blob([TXT], { type: 'text/plain' }), 'notes.txt');
    const made = await deposit(server, owner.token, form);
    id = made.deposit.id;
    expect(made.deposit.files.map((f: Body) => f.mediaType)).to.deep.equal([
      'image/png',
      'application/pdf',
      'image/svg+xml',
      'text/plain',
    ]);
    const applied = await call(server.url, 'POST', `/api/v1/deposits/${id}/notarisation`, {
      token: owner.token,
      json: { purpose: '诉讼', contact: '010' },
    });
    expect(applied.status).to.equal(201);
  });
  after(() => server.dispose());

  it('serves an image and a PDF inline, embeddable by our own pages only', async () => {
    const image = await fetch(await link(0, '?disposition=inline'));
    expect(image.status).to.equal(200);
    expect(new Uint8Array(await image.arrayBuffer())).to.deep.equal(PNG);
    expect(image.headers.get('content-type')).to.equal('image/png');
    expect(image.headers.get('content-disposition')).to.match(/^inline; filename="/);
    expect(image.headers.get('content-disposition')).to.include(encodeURIComponent('现场照片.png'));
    expect(image.headers.get('content-security-policy')).to.equal(inlinePolicy('image'));
    expect(image.headers.get('x-content-type-options')).to.equal('nosniff');
    const pdfUrl = await link(1, '?disposition=inline');
    const pdf = await fetch(pdfUrl);
    expect(pdf.status).to.equal(200);
    await pdf.arrayBuffer();
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    const policy = pdf.headers.get('content-security-policy')!;
    expect(policy).to.include("frame-ancestors 'self'").and.not.include("frame-ancestors 'none'");
    expect(policy).to.not.include('object-src'); // Chromium's PDF viewer is a plugin frame
    expect(pdf.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
    // a viewer's Range request is served inline too
    const part = await fetch(pdfUrl, { headers: { range: 'bytes=0-4' } });
    expect([part.status, await part.text()]).to.deep.equal([206, '%PDF-']);
    // without the parameter a file stays an attachment under the app's policy
    const plain = await fetch(await link(0, ''));
    await plain.arrayBuffer();
    expect(plain.headers.get('content-disposition')).to.match(/^attachment; /);
    expect(plain.headers.get('content-security-policy')).to.include("frame-ancestors 'none'");
  });

  it('records a preview as the download: one event per file, a later download joins it', async () => {
    const mine = async (): Promise<Body[]> =>
      (await downloads()).filter((e) => e.actor.displayName === notary.displayName);
    expect((await mine()).map((e) => e.detail.file)).to.deep.equal([0, 1]);
    const again = await fetch(await link(0, '?disposition=inline'));
    await again.arrayBuffer();
    const saved = await fetch(`${server.url}/api/v1/deposits/${id}/files/1`, {
      headers: { authorization: `Bearer ${notary.token}` },
    });
    await saved.arrayBuffer();
    expect((await mine()).map((e) => e.detail.file)).to.deep.equal([0, 1]);
    // the owner's previews are no events
    const own = await fetch(await link(0, '?disposition=inline', owner));
    expect(own.status).to.equal(200);
    await own.arrayBuffer();
    expect(await downloads()).to.have.length(2);
  });

  it('refuses inline for any other type, and a bad disposition, with 400 and no event', async () => {
    const before = (await downloads()).length;
    for (const [n, query] of [
      [2, '?disposition=inline'], // SVG could run script on our origin
      [3, '?disposition=inline'],
      [0, '?disposition=preview'],
    ] as const) {
      const viaLink = await call(server.url, 'GET', new URL(await link(n, query)).pathname);
      expect([viaLink.status, viaLink.body.error.code], `${n}${query}`).to.deep.equal([
        400,
        'INVALID_QUERY',
      ]);
      const direct = await call(server.url, 'GET', `/api/v1/deposits/${id}/files/${n}${query}`, {
        token: notary.token,
      });
      expect([direct.status, direct.body.error.code]).to.deep.equal([400, 'INVALID_QUERY']);
      expect(direct.headers.get('content-disposition')).to.equal(null);
    }
    expect(await downloads()).to.have.length(before);
  });
});
