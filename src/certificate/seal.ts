/**
 * The office seal drawn on page 1 as the visible appearance of the PDF signature: a red ring,
 * the office's name along the upper arc, a five-pointed star, and the seal's purpose below
 * (e.g. 电子存证专用章), in the manner of a Chinese official seal. Vector only.
 * @module
 */
import { COLOR } from './layout.js';

/** What the seal says. */
export interface SealText {
  /** Along the upper arc: the office's name. */
  readonly ring: string;
  /** Below the star: the seal's purpose. */
  readonly purpose: string;
  /** Small text along the lower arc (e.g. the signing certificate's serial), optional. */
  readonly code?: string;
}

function star(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  doc.polygon(...points).fill();
}

/** Draws characters centred on an arc of `radius`, from `start` to `end` degrees (0 = top). */
function arcText(
  doc: PDFKit.PDFDocument,
  chars: readonly string[],
  o: {
    cx: number;
    cy: number;
    radius: number;
    start: number;
    end: number;
    inward: boolean;
    bold: boolean;
  },
): void {
  const step = chars.length > 1 ? (o.end - o.start) / (chars.length - 1) : 0;
  chars.forEach((ch, i) => {
    const angle = chars.length > 1 ? o.start + i * step : (o.start + o.end) / 2;
    doc.save();
    doc.rotate(angle, { origin: [o.cx, o.cy] });
    if (o.inward) doc.rotate(180, { origin: [o.cx, o.cy - o.radius] });
    const w = doc.widthOfString(ch);
    doc.text(ch, o.cx - w / 2, o.cy - o.radius, {
      lineBreak: false,
      baseline: 'middle',
      fill: true,
      stroke: o.bold,
    });
    doc.restore();
  });
}

interface PageInternals {
  ref(data: Record<string, unknown>): { end(): void };
  page: { ext_gstates: Record<string, unknown> };
  addContent(op: string): void;
}

/**
 * Sets a graphics state that multiplies colours, as ink does: text printed under the seal stays
 * black and readable (PDF 2.0 §11.3.5; allowed in PDF/A-2 and later).
 */
function inkBlend(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as PageInternals;
  const gs = d.ref({ Type: 'ExtGState', BM: 'Multiply', ca: 0.95, CA: 0.95 });
  gs.end();
  d.page.ext_gstates.GsSeal = gs;
  d.addContent('/GsSeal gs');
}

/** Draws the seal centred at (cx, cy) with `radius` points. */
export function drawSeal(
  doc: PDFKit.PDFDocument,
  cx: number,
  cy: number,
  radius: number,
  text: SealText,
): void {
  doc.save();
  inkBlend(doc);
  doc.fillColor(COLOR.red).strokeColor(COLOR.red);
  doc
    .lineWidth(radius * 0.055)
    .circle(cx, cy, radius * 0.96)
    .stroke();
  star(doc, cx, cy - radius * 0.02, radius * 0.27);

  // The office name along the upper arc, in faux bold (regular glyphs, filled and stroked).
  const ring = [...text.ring];
  const n = Math.max(ring.length, 1);
  const textRadius = radius * 0.72;
  const span = n <= 4 ? 150 : Math.min(230, 110 + n * 16);
  const step = n > 1 ? ((span / (n - 1)) * Math.PI) / 180 : Math.PI;
  const size = Math.min(radius * 0.22, textRadius * step * 0.85);
  doc
    .font('regular')
    .fontSize(size)
    .lineWidth(size * 0.06);
  arcText(doc, ring, {
    cx,
    cy,
    radius: textRadius,
    start: -span / 2,
    end: span / 2,
    inward: false,
    bold: true,
  });

  const purpose = text.purpose;
  doc.fontSize(radius * 0.15).lineWidth(radius * 0.15 * 0.06);
  const pw = doc.widthOfString(purpose);
  doc.text(purpose, cx - pw / 2, cy + radius * 0.45, {
    lineBreak: false,
    baseline: 'middle',
    fill: true,
    stroke: true,
  });

  if (text.code) {
    const code = [...text.code];
    doc.font('regular').fontSize(radius * 0.085);
    const codeSpan = Math.min(70, code.length * 4.2);
    arcText(doc, code, {
      cx,
      cy,
      radius: radius * 0.8,
      start: 180 + codeSpan / 2,
      end: 180 - codeSpan / 2,
      inward: true,
      bold: false,
    });
  }
  doc.restore();
}
