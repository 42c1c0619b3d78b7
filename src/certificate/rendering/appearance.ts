/**
 * A widget's normal appearance (PDF 2.0 §12.5.5): a form XObject stream holding what pdfkit
 * drawing calls would have put on the page. The calls run against a stand-in page that collects
 * the content and the resources (fonts, graphics states) instead of writing to the real one,
 * so the seal is drawn once, inside the signature's appearance, and nowhere on the page
 * (docs/certificates.md, "How they are signed").
 * @module
 */

/** A rectangle in pdfkit coordinates (origin top left, y down). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The reference pdfkit returns for an indirect object. */
export interface PdfkitRef {
  data: Record<string, unknown>;
  end(chunk?: string | Uint8Array): void;
}

interface PageLike {
  height: number;
  write(chunk: string): void;
}
interface DocInternals {
  page: PageLike;
  ref(data: Record<string, unknown>): PdfkitRef;
}

/**
 * Runs `draw` (pdfkit calls in page coordinates, kept inside `box`) into a new form XObject
 * whose bounding box is `box` in default user space, so the appearance lands on the
 * annotation's /Rect unscaled. The current page is unchanged.
 */
export function appearanceStream(
  doc: PDFKit.PDFDocument,
  box: Box,
  draw: (doc: PDFKit.PDFDocument) => void,
): PdfkitRef {
  const d = doc as unknown as DocInternals;
  const page = d.page;
  const content: string[] = [
    // pdfkit draws with y down from the top of the page: the page's own flip.
    `1 0 0 -1 0 ${page.height} cm`,
  ];
  const fonts: Record<string, unknown> = {};
  const states: Record<string, unknown> = {};
  const standIn = Object.create(page as object) as PageLike;
  Object.defineProperties(standIn, {
    write: { value: (chunk: string) => content.push(chunk) },
    fonts: { value: fonts },
    ext_gstates: { value: states },
  });
  d.page = standIn;
  try {
    draw(doc);
  } finally {
    d.page = page;
  }
  const bottom = page.height - box.y - box.height;
  const resources: Record<string, unknown> = {};
  if (Object.keys(fonts).length) resources.Font = fonts;
  if (Object.keys(states).length) resources.ExtGState = states;
  const form = d.ref({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [box.x, bottom, box.x + box.width, bottom + box.height],
    Resources: resources,
  });
  form.end(content.join('\n'));
  return form;
}
