/**
 * A new certificate PDF: A4, PDF 1.7, PDF/A-3b intended (docs/certificates.md, "PDF/A"): our
 * own escaped XMP packet with the identification and dates ({@link xmpPacket}; pdfkit's would
 * put a title's `&` or `<` into the XML as they are), pdfkit's sRGB output intent, embedded
 * fonts, attachments as PDF/A-3 associated files; Noto Sans SC in two weights (`regular`,
 * `bold`), pages buffered so that footers and the signature field can be added to earlier
 * pages at the end.
 * @module
 */
import PDFDocument from 'pdfkit';
import { VERSION } from '../../version.js';
import { certificateFonts } from './fonts.js';
import { PAGE } from './layout.js';
import { xmpPacket, type XmpFields } from './xmp.js';

/** Document information (also written as XMP metadata). */
export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords: string;
  /** CreationDate and ModDate: the issue time (so a rendering is reproducible). */
  readonly createdAt: Date;
}

/** Opens a document; `finish()` ends it and resolves with the bytes. */
export function openDocument(meta: DocumentMeta): {
  doc: PDFKit.PDFDocument;
  finish(): Promise<Buffer>;
} {
  const fonts = certificateFonts();
  const creator = `huicun ${VERSION}`;
  const producer = `huicun ${VERSION} (pdfkit)`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: 'zh-CN',
    displayTitle: true,
    bufferPages: true,
    // No default font: pdfkit would load Helvetica, or (given ours) compare the two copies' name
    // tables on first use, which costs ~14 ms per document. Fonts are registered below.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Keywords: meta.keywords,
      Creator: creator,
      Producer: producer,
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  replaceMetadata(doc, {
    title: meta.title,
    subject: meta.subject,
    author: meta.author,
    keywords: meta.keywords,
    creatorTool: creator,
    producer,
    createdAt: meta.createdAt,
    modifiedAt: meta.createdAt,
    pdfa: { part: 3, conformance: 'B' },
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  doc.font('regular');
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish() {
      doc.end();
      return done;
    },
  };
}

interface MetadataInternals {
  ref(data: Record<string, unknown>): {
    compress: boolean;
    write(chunk: Uint8Array): void;
    end(): void;
  };
  endMetadata(): void;
  _root: { data: Record<string, unknown> };
}

/** Makes `doc` write `fields` as its XMP packet instead of pdfkit's unescaped one. */
function replaceMetadata(doc: PDFKit.PDFDocument, fields: XmpFields): void {
  const d = doc as unknown as MetadataInternals;
  d.endMetadata = () => {
    const ref = d.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false; // PDF/A readers and grep find the packet as it is
    ref.write(new TextEncoder().encode(xmpPacket(fields)));
    ref.end();
    d._root.data.Metadata = ref;
  };
}
