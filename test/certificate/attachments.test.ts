/**
 * The pure attachment reader: our own PDFs round-trip; anything else — other producers'
 * compressed attachments, xref streams, truncation, random damage, oversize input — is refused
 * with a PdfError, never a crash or a hang.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { embedFiles } from '../../src/certificate/rendering/attach.js';
import { extractAttachments } from '../../src/pdf/attachments.js';
import { CertificateError } from '../../src/certificate/errors.js';
import { MAX_PDF_BYTES, PdfError } from '../../src/pdf/index.js';
import { signPdf } from '../../src/certificate/signing/placeholder.js';
import { addSignatureField } from '../../src/certificate/signing/placeholder.js';
import { testSigner } from './fixture.js';
import { expectBytes } from '../helpers/bytes.js';
import { propertyRuns } from '../helpers/size.js';

function pdfkitDoc(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(parts))));
  build(doc);
  doc.end();
  return done;
}

function expectUnreadable(bytes: Uint8Array, code = 'PDF_UNREADABLE'): void {
  try {
    extractAttachments(bytes);
  } catch (err) {
    expect(err).to.be.instanceOf(PdfError);
    expect((err as PdfError).code).to.equal(code);
    return;
  }
  expect.fail('extracted');
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A classic-xref PDF of `objects` (object 1 is the catalog), offsets computed. */
function tinyPdf(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

describe('extractAttachments (pure PDF reader)', function () {
  this.timeout(60_000);
  let ours: Buffer;
  const files = [
    {
      name: 'a.receipt.json',
      bytes: utf8('{"x":1}\n'),
      mediaType: 'application/json',
      description: 'A',
    },
    {
      name: '回执（副本）.txt',
      bytes: Uint8Array.from({ length: 3000 }, (_, i) => i % 256),
      mediaType: 'text/plain',
      description: '二进制 binary',
    },
  ];

  before(async () => {
    const signer = testSigner().signer;
    const unsigned = await pdfkitDoc((doc) => {
      doc.text('hello');
      addSignatureField(doc, {
        rect: { x: 10, y: 10, width: 20, height: 20 },
        appearance: (d) => d.rect(12, 12, 16, 16).stroke(),
        signer,
        signedAt: new Date(0),
        reason: 'r',
        location: 'l',
        contactInfo: 'c',
        appName: 'test',
      });
      embedFiles(doc, files, new Date(0));
    });
    ours = await signPdf(unsigned, signer);
  });

  it('returns our attachments byte for byte, names in Unicode, from a signed PDF', () => {
    const got = extractAttachments(ours);
    expect(got.map((a) => a.name)).to.deep.equal(files.map((f) => f.name));
    got.forEach((a, i) => expectBytes(a.bytes, files[i]!.bytes));
  });

  it('refuses to embed an empty file (pdfkit would write no stream)', async () => {
    const empty = { name: 'e', bytes: new Uint8Array(0), mediaType: 'text/plain', description: '' };
    try {
      await pdfkitDoc((d) => embedFiles(d, [empty], new Date(0)));
      expect.fail('embedded');
    } catch (err) {
      expect(err).to.be.instanceOf(CertificateError).with.property('code', 'INVALID_INPUT');
    }
  });

  it('a PDF without attachments has none', async () => {
    expect(extractAttachments(await pdfkitDoc((d) => d.text('x')))).to.deep.equal([]);
  });

  it("refuses compressed attachments (pdfkit's own doc.file), xref streams and non-PDFs", async () => {
    const compressed = await pdfkitDoc((d) => d.file(Buffer.from('{"a":1}'), { name: 'r.json' }));
    expectUnreadable(compressed);
    const xrefStream = utf8(
      '%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 1 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n',
    );
    expectUnreadable(xrefStream);
    expectUnreadable(utf8('hello world'));
    expectUnreadable(ours.subarray(0, ours.length - 100));
    expectUnreadable(new Uint8Array(MAX_PDF_BYTES + 1), 'PDF_TOO_LARGE');
  });

  it('survives random damage: returns or throws PdfError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(ours.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const bytes = Buffer.from(ours);
          for (const [at, v] of edits) bytes[at] = v;
          try {
            extractAttachments(bytes);
          } catch (err) {
            expect(err).to.be.instanceOf(PdfError);
          }
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it('survives hostile structure: reference loops, deep nesting, lying lengths', () => {
    const loop = tinyPdf(['<< /Type /Catalog /Names 2 0 R >>', '3 0 R', '2 0 R']);
    expectUnreadable(loop);
    expectUnreadable(tinyPdf([`<< /Names ${'['.repeat(5000)} >>`]));
    const lying = tinyPdf([
      '<< /Names << /EmbeddedFiles 2 0 R >> >>',
      '<< /Names [(x) 3 0 R] >>',
      '<< /Type /Filespec /F (x) /EF << /F 4 0 R >> >>',
      '<< /Length 999999 >>\nstream\nabc\nendstream',
    ]);
    expectUnreadable(lying);
    const honest = tinyPdf([
      '<< /Names << /EmbeddedFiles 2 0 R >> >>',
      '<< /Kids [5 0 R] >>',
      '<< /Type /Filespec /F (x\\051\\(y\\)) /EF << /F 4 0 R >> >>',
      '<< /Length 3 >>\nstream\nabc\nendstream',
      '<< /Names [(x) 3 0 R] >>',
    ]);
    expect(extractAttachments(honest)).to.deep.equal([{ name: 'x)(y)', bytes: utf8('abc') }]);
  });
});
