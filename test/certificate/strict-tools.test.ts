/**
 * The certificates as strict tools read them (docs/certificates.md, "PDF/A"): qpdf --check,
 * Ghostscript with -dPDFSTOPONERROR, pdfsig, mutool sign -v and PDFBox preflight print no
 * warning on a deposit titled `A&B <合同> "x"`; the XMP packet is well-formed XML whose dates
 * are the Info dictionary's; the seal is drawn only in the signature's appearance stream.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDepositCertificate } from '../../src/certificate/documents/deposit-certificate.js';
import { renderNotarialCertificate } from '../../src/certificate/documents/notarial-certificate.js';
import { renderVerificationReport } from '../../src/certificate/documents/verification-report.js';
import {
  ISSUED_AT,
  ISSUER,
  PUBLIC_URL,
  sampleChecks,
  sampleDeposit,
  sampleExamination,
  sampleFiles,
  testSigner,
} from './fixture.js';
import {
  ghostscriptCheck,
  infoOf,
  mutoolVerify,
  pdfsigCheck,
  pdfText,
  preflightCheck,
  qpdfCheck,
  qrCodes,
  run,
  save,
  wordsOf,
  xmpOf,
  type StrictReport,
} from './tools.js';
import { allElements, parseXml } from './xml.js';

const HOSTILE = 'A&B <合同> "x"';
const CRAFTED = `</rdf:li></rdf:Alt></dc:description><x:evil>1</x:evil><dc:description><rdf:Alt><rdf:li>`;

/** The properties our XMP packet has, whatever the title. */
const PROPERTIES = [
  'pdfaid:part',
  'pdfaid:conformance',
  'xmp:CreateDate',
  'xmp:ModifyDate',
  'xmp:MetadataDate',
  'xmp:CreatorTool',
  'dc:format',
  'dc:title',
  'dc:creator',
  'dc:description',
  'pdf:Producer',
  'pdf:Keywords',
];

describe('certificates as strict tools read them', function () {
  this.timeout(180_000);
  let dir: string;
  const paths: Record<'deposit' | 'crafted' | 'notarial' | 'report', string> = {
    deposit: '',
    crafted: '',
    notarial: '',
    report: '',
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-strict-'));
    const { signer } = testSigner();
    const files = sampleFiles(2);
    const hostile = await sampleDeposit(
      files.map((f) => f.item),
      'upload',
      undefined,
      HOSTILE,
    );
    const crafted = await sampleDeposit([files[0]!.item], 'upload', undefined, CRAFTED);
    const base = {
      version: 1,
      issuedAt: ISSUED_AT,
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
      retentionYears: 30,
    };
    paths.deposit = save(
      dir,
      'deposit.pdf',
      await renderDepositCertificate({ ...base, ...hostile }, signer),
    );
    paths.crafted = save(
      dir,
      'crafted.pdf',
      await renderDepositCertificate({ ...base, ...crafted }, signer),
    );
    paths.notarial = save(
      dir,
      'notarial.pdf',
      await renderNotarialCertificate(
        {
          certificateNumber: '（2026）沪徐证经字第 123 号',
          reference: 'NC00000012344',
          notary: { name: '王五' },
          decidedAt: ISSUED_AT,
          issuedAt: ISSUED_AT,
          purpose: HOSTILE,
          examination: { ...sampleExamination(files.length), opinion: HOSTILE },
          ...hostile,
          issuer: ISSUER,
          publicUrl: PUBLIC_URL,
        },
        signer,
      ),
    );
    paths.report = save(
      dir,
      'report.pdf',
      await renderVerificationReport(
        {
          reportNumber: 'R0000000011-1',
          issuedAt: ISSUED_AT,
          verdict: 'verified',
          checks: sampleChecks(files[0]!.item.sha256),
          subject: {
            depositId: hostile.deposit.id,
            depositTime: hostile.deposit.createdAt,
            fileName: HOSTILE,
            material: { zh: HOSTILE, en: HOSTILE },
          },
          requester: { name: HOSTILE, role: 'judge' },
          trustedKeys: [hostile.receipt.logKey],
          issuer: ISSUER,
          publicUrl: PUBLIC_URL,
        },
        signer,
      ),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const clean = (tool: string, r: StrictReport): void => {
    expect(r.complaints, `${tool}: ${r.complaints.join(' | ')}`).to.deep.equal([]);
    expect(r.status, tool).to.equal(0);
  };

  for (const kind of ['deposit', 'notarial', 'report'] as const) {
    it(`${kind}: qpdf --check, gs -dPDFSTOPONERROR, pdfsig and mutool sign -v say nothing amiss`, () => {
      const path = paths[kind];
      clean('qpdf --check', qpdfCheck(path));
      clean('gs', ghostscriptCheck(path));
      clean('pdfsig', pdfsigCheck(path));
      clean('mutool sign -v', mutoolVerify(path));
    });
  }

  for (const kind of ['deposit', 'notarial'] as const) {
    it(`${kind}: PDFBox preflight finds nothing beyond the rules PDF/A-3 relaxes`, () => {
      // status 255 is "not PDF/A-1b": expected for a PDF/A-3 file with attachments
      expect(preflightCheck(paths[kind]).complaints).to.deep.equal([]);
    });
  }

  it('the XMP packet is well-formed, carries the hostile title as text, and its dates are the Info dates', () => {
    for (const path of Object.values(paths)) {
      const xmp = xmpOf(path);
      const tree = parseXml(xmp);
      const props = allElements(tree)
        .map((e) => e.name)
        .filter(
          (n) =>
            !['x:xmpmeta', 'rdf:RDF', 'rdf:Description', 'rdf:Alt', 'rdf:Seq', 'rdf:li'].includes(
              n,
            ),
        );
      expect(props, path).to.deep.equal(PROPERTIES);
      const info = infoOf(path);
      const text = (name: string): string =>
        allElements(allElements(tree).find((e) => e.name === name)!)
          .map((e) => e.text)
          .join('')
          .trim();
      expect(text('dc:title')).to.equal(info.Title);
      expect(text('dc:description')).to.equal(info.Subject);
      expect(text('dc:creator')).to.equal(info.Author);
      expect(text('pdf:Keywords')).to.equal(info.Keywords);
      expect(text('pdf:Producer')).to.equal(info.Producer);
      expect(text('xmp:CreatorTool')).to.equal(info.Creator);
      expect(info.CreationDate).to.equal(ISSUED_AT.toISOString().replace('.000', ''));
      expect(text('xmp:CreateDate')).to.equal(info.CreationDate);
      expect(text('xmp:ModifyDate')).to.equal(info.ModDate);
      expect(text('xmp:ModifyDate')).to.equal(info.CreationDate);
      expect(text('pdfaid:part')).to.equal('3');
    }
    expect(infoOf(paths.deposit).Subject).to.include(HOSTILE);
  });

  it('a title crafted to close the XMP element adds no property', () => {
    const tree = parseXml(xmpOf(paths.crafted));
    const names = allElements(tree).map((e) => e.name);
    expect(names).to.not.include('x:evil');
    expect(names.filter((n) => n === 'dc:description')).to.have.length(1);
    const description = allElements(tree).find((e) => e.name === 'dc:description')!;
    expect(
      allElements(description)
        .map((e) => e.text)
        .join(''),
    ).to.include(CRAFTED);
  });

  it('the seal is the signature widget appearance (a stream), not page text', () => {
    const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', paths.deposit]).stdout);
    const objects = json.qpdf[1] as Record<
      string,
      { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }
    >;
    const annots = Object.values(objects).filter((o) => o.value?.['/Subtype'] === '/Widget');
    expect(annots).to.have.length(1);
    const ap = (annots[0]!.value!['/AP'] as Record<string, string>)['/N']!;
    const appearance = objects[`obj:${ap}`]!;
    expect(appearance.stream?.dict['/Subtype']).to.equal('/Form');
    // Its characters are outlines: nothing of the seal reaches pdftotext.
    const text = pdfText(paths.deposit);
    expect(text).to.not.include('电子存证专用章');
    expect(pdfText(paths.notarial)).to.not.include('电子公证专用章');
  });

  it('prints no blank band above 证明范围: the sign-off follows the manifest', () => {
    const words = wordsOf(paths.deposit, 1);
    const heading = words.find((w) => w.text === '证明范围')!;
    const above = Math.max(...words.filter((w) => w.yMax <= heading.yMin).map((w) => w.yMax));
    expect(heading.yMin - above).to.be.lessThan(30);
  });

  it('every address printed or encoded is HUICUN_PUBLIC_URL', () => {
    for (const path of Object.values(paths)) {
      const urls = (pdfText(path).match(/https?:\/\/[\w.~:/?#@!$&*+,;=%[\]-]+/g) ?? []).map((u) =>
        u.replace(/[.,;:]+$/, ''),
      );
      const qr = qrCodes(path, dir);
      expect(qr, path).to.have.length(1);
      for (const u of [...urls, ...qr])
        expect(u === PUBLIC_URL || u.startsWith(`${PUBLIC_URL}/`), `${path}: ${u}`).to.equal(true);
      expect(pdfText(path)).to.not.match(/localhost:\d|127\.0\.0\.1/);
      // the signature's contact line
      expect(readFileSync(path, 'latin1')).to.include(`/ContactInfo (${PUBLIC_URL})`);
    }
  });
});
