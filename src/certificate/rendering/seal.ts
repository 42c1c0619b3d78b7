/**
 * The office seal, the visible appearance of the PDF signature on page 1: a red ring, the
 * office's name along the upper arc, a five-pointed star, and the seal's purpose below (e.g.
 * 电子存证专用章), in the manner of a Chinese official seal. Vector only: its characters are
 * glyph outlines, not text, so `pdftotext` and copy-paste see the document's words without
 * the seal's mixed in (docs/certificates.md, "Fonts and layout").
 * @module
 */
import { COLOR } from './layout.js';

interface GlyphPath {
  toSVG(): string;
}
interface FontInternals {
  _font: {
    ascender: number;
    descender: number;
    font: {
      unitsPerEm: number;
      layout(text: string): {
        glyphs: { path: GlyphPath }[];
        positions: { xAdvance: number; xOffset: number; yOffset: number }[];
      };
    };
  };
}

/**
 * Fills the outlines of `text` in the current font at `size` (and strokes them `stroke` points
 * wide: faux bold, as layout.ts sets bold text), its left end at `x`, vertically centred on
 * `y` as pdfkit's `baseline: 'middle'` places text.
 */
function outlineText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
  stroke = 0,
): void {
  const font = (doc as unknown as FontInternals)._font;
  const scale = size / font.font.unitsPerEm;
  const baseline = y + (0.5 * (font.ascender + font.descender) * size) / 1000;
  const run = font.font.layout(text);
  let pen = 0;
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i]!;
    const svg = glyph.path.toSVG();
    if (svg) {
      doc.save();
      doc.translate(x + (pen + p.xOffset) * scale, baseline - p.yOffset * scale);
      doc.scale(scale, -scale); // font units, y up
      doc.path(svg);
      if (stroke > 0) doc.lineWidth(stroke / scale).fillAndStroke();
      else doc.fill();
      doc.restore();
    }
    pen += p.xAdvance;
  });
}

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
    size: number;
    /** Faux-bold stroke width, 0 for none. */
    stroke: number;
  },
): void {
  const step = chars.length > 1 ? (o.end - o.start) / (chars.length - 1) : 0;
  chars.forEach((ch, i) => {
    const angle = chars.length > 1 ? o.start + i * step : (o.start + o.end) / 2;
    doc.save();
    doc.rotate(angle, { origin: [o.cx, o.cy] });
    if (o.inward) doc.rotate(180, { origin: [o.cx, o.cy - o.radius] });
    const w = doc.widthOfString(ch);
    outlineText(doc, ch, o.cx - w / 2, o.cy - o.radius, o.size, o.stroke);
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
  doc.font('regular').fontSize(size);
  arcText(doc, ring, {
    cx,
    cy,
    radius: textRadius,
    start: -span / 2,
    end: span / 2,
    inward: false,
    size,
    stroke: size * 0.06,
  });

  const purpose = text.purpose;
  const purposeSize = radius * 0.15;
  doc.fontSize(purposeSize);
  const pw = doc.widthOfString(purpose);
  outlineText(doc, purpose, cx - pw / 2, cy + radius * 0.45, purposeSize, purposeSize * 0.06);

  if (text.code) {
    const code = [...text.code];
    const codeSize = radius * 0.085;
    doc.fontSize(codeSize);
    const codeSpan = Math.min(70, code.length * 4.2);
    arcText(doc, code, {
      cx,
      cy,
      radius: radius * 0.8,
      start: 180 + codeSpan / 2,
      end: 180 - codeSpan / 2,
      inward: true,
      size: codeSize,
      stroke: 0,
    });
  }
  doc.restore();
}
