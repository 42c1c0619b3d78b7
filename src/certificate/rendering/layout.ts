/**
 * Page layout for certificates: an A4 sheet with ruled tables whose rows never split across
 * pages, bilingual labels (Chinese first, English below in grey), section headings, running
 * headers on continuation pages and "第 i 页 共 n 页 / Page i of n" footers. Everything is
 * measured before it is drawn, so pdfkit never breaks a page on its own.
 * @module
 */

/** Page geometry in points (A4). */
export const PAGE = { width: 595.28, height: 841.89, left: 50, right: 50, top: 46, bottom: 58 };
/** The palette: black ink, grey for English and notes, the seal's red. */
export const COLOR = {
  ink: '#1a1a1a',
  muted: '#5b5b5b',
  rule: '#7a7a7a',
  hairline: '#c4c4c4',
  band: '#f2efe8',
  red: '#c0151c',
} as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** One run of text: a paragraph in one font, size and colour. */
export interface Line {
  readonly text: string;
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: string;
  /** Space after, in points (default 1). */
  readonly after?: number;
  readonly align?: 'left' | 'center' | 'right';
}

/** A table column: width and a bilingual header. */
export interface Column {
  readonly width: number;
  readonly zh: string;
  readonly en: string;
}

const PAD = 3.6;
/** Space between the last content of page 1 and the sign-off rule. */
const SIGN_OFF_GAP = 8;
/** Stroke width of faux-bold text, as a fraction of the font size. */
export const FAUX_BOLD = 0.045;
const DEFAULT_SIZE = 8.5;

/** A document being laid out, top to bottom. */
export class Sheet {
  y = PAGE.top;
  /** 0-based index of the page being filled. */
  page = 0;
  /** Where the content of page 1 ended, once a second page was started. */
  private firstPageEnd: number | undefined;
  /**
   * @param reserveFirstPage points kept free at the bottom of page 1 (for the sign-off and
   *   seal, drawn there at the end by {@link signOffTop}).
   */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly runningHead: string,
    public reserveFirstPage = 0,
  ) {}

  /** Lowest y content may reach on the current page. */
  get limit(): number {
    return PAGE.height - PAGE.bottom - (this.page === 0 ? this.reserveFirstPage : 0);
  }

  /**
   * Top of the sign-off on page 1: right under the content of page 1 when that ends higher
   * than the reserved area (no blank band above it), else the top of the reserved area.
   */
  get signOffTop(): number {
    const reserved = PAGE.height - PAGE.bottom - this.reserveFirstPage;
    const end = this.firstPageEnd ?? (this.page === 0 ? this.y : reserved);
    return Math.min(reserved, end + SIGN_OFF_GAP);
  }

  /**
   * Sets the size (and the regular weight). Bold text is the regular font filled and stroked
   * (`Line.bold`): a second embedded weight cost about 20 KB per certificate; the real bold
   * is used only for document titles.
   */
  setFont(_bold: boolean | undefined, size: number): void {
    this.doc.font('regular').fontSize(size);
  }

  /** Height of `lines` set in `width`. */
  measure(lines: readonly Line[], width: number): number {
    let h = 0;
    for (const l of lines) {
      this.setFont(l.bold, l.size ?? DEFAULT_SIZE);
      h += this.doc.heightOfString(l.text || ' ', { width }) + (l.after ?? 1);
    }
    return h;
  }

  /** Draws `lines` at (x, y) in `width`; returns the height used. */
  draw(lines: readonly Line[], x: number, y: number, width: number): number {
    let at = y;
    for (const l of lines) {
      const size = l.size ?? DEFAULT_SIZE;
      this.setFont(l.bold, size);
      const color = l.color ?? COLOR.ink;
      this.doc.fillColor(color);
      if (l.bold) this.doc.lineWidth(size * FAUX_BOLD).strokeColor(color);
      const h = this.doc.heightOfString(l.text || ' ', { width });
      this.doc.text(l.text || ' ', x, at, {
        width,
        align: l.align ?? 'left',
        fill: true,
        stroke: l.bold === true,
      });
      at += h + (l.after ?? 1);
    }
    return at - y;
  }

  /** Starts a new page with the running head. */
  newPage(): void {
    if (this.page === 0) this.firstPageEnd ??= this.y;
    this.doc.addPage();
    this.page = this.doc.bufferedPageRange().count - 1;
    this.setFont(false, 7);
    this.doc.fillColor(COLOR.muted).text(this.runningHead, PAGE.left, PAGE.top - 14, {
      width: CONTENT_WIDTH,
      lineBreak: false,
    });
    this.rule(PAGE.top, COLOR.hairline, 0.5);
    this.y = PAGE.top + 10;
  }

  /** Makes room for `height` points, starting a page when they do not fit. */
  ensure(height: number): boolean {
    if (this.y + height <= this.limit) return false;
    this.newPage();
    return true;
  }

  rule(y: number, color: string = COLOR.rule, width = 0.6): void {
    this.doc
      .moveTo(PAGE.left, y)
      .lineTo(PAGE.width - PAGE.right, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  /** A numbered section heading: `一、基本信息  Particulars`, kept with what follows it. */
  heading(zh: string, en: string, keepWithNext = 56): void {
    this.ensure(21 + keepWithNext); // never leave a heading alone at the foot of a page
    this.y += 5;
    this.setFont(true, 10.5);
    this.doc.lineWidth(10.5 * FAUX_BOLD).strokeColor(COLOR.ink);
    this.doc
      .fillColor(COLOR.ink)
      .text(zh, PAGE.left, this.y, { lineBreak: false, fill: true, stroke: true });
    const w = this.doc.widthOfString(zh);
    this.setFont(false, 8.5);
    this.doc.fillColor(COLOR.muted).text(en, PAGE.left + w + 8, this.y + 2.5, { lineBreak: false });
    this.y += 16;
  }

  /** A paragraph across the content width. */
  paragraph(lines: readonly Line[], indent = 0): void {
    const width = CONTENT_WIDTH - indent;
    this.ensure(this.measure(lines, width));
    this.y += this.draw(lines, PAGE.left + indent, this.y, width);
  }

  /** Label/value rows: a bilingual label column and one value column, ruled. */
  fields(
    rows: readonly { zh: string; en: string; value: readonly Line[] }[],
    labelWidth = 96,
  ): void {
    const cols: Column[] = [
      { width: labelWidth, zh: '', en: '' },
      { width: CONTENT_WIDTH - labelWidth, zh: '', en: '' },
    ];
    this.table(
      cols,
      rows.map((r) => [label(r.zh, r.en), r.value]),
      { header: false, shadeFirst: true },
    );
  }

  /** A ruled table; rows stay whole, the header repeats on each page. */
  table(
    cols: readonly Column[],
    rows: readonly (readonly (readonly Line[])[])[],
    opts: { header?: boolean; shadeFirst?: boolean } = {},
  ): void {
    const header = opts.header ?? true;
    const headerCells = cols.map((c) => label(c.zh, c.en));
    const heightOf = (cells: readonly (readonly Line[])[]): number =>
      Math.max(...cells.map((c, i) => this.measure(c, cols[i]!.width - 2 * PAD))) + 2 * PAD - 1;
    const drawRow = (cells: readonly (readonly Line[])[], shade: boolean): void => {
      const h = heightOf(cells);
      let x = PAGE.left;
      cells.forEach((cell, i) => {
        const w = cols[i]!.width;
        if (shade || (opts.shadeFirst && i === 0))
          this.doc.rect(x, this.y, w, h).fillColor(COLOR.band).fill();
        this.draw(cell, x + PAD, this.y + PAD, w - 2 * PAD);
        x += w;
      });
      this.grid(cols, this.y, h);
      this.y += h;
    };
    const drawHeader = (): void => {
      if (header) drawRow(headerCells, true);
    };
    this.ensure((header ? heightOf(headerCells) : 0) + heightOf(rows[0] ?? headerCells));
    drawHeader();
    for (const row of rows) {
      if (this.ensure(heightOf(row))) drawHeader();
      drawRow(row, false);
    }
    this.y += 4;
  }

  private grid(cols: readonly Column[], y: number, h: number): void {
    const d = this.doc.lineWidth(0.5).strokeColor(COLOR.rule);
    d.rect(PAGE.left, y, CONTENT_WIDTH, h).stroke();
    let x = PAGE.left;
    for (const c of cols.slice(0, -1)) {
      x += c.width;
      d.moveTo(x, y)
        .lineTo(x, y + h)
        .stroke();
    }
  }

  /** Writes the footer on every page: `left` and "第 i 页 共 n 页 / Page i of n". */
  footers(left: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      const bottom = margins.bottom;
      margins.bottom = 0; // writing below the margin must not start a page
      const y = PAGE.height - PAGE.bottom + 18;
      this.doc
        .moveTo(PAGE.left, y - 5)
        .lineTo(PAGE.width - PAGE.right, y - 5)
        .lineWidth(0.5)
        .strokeColor(COLOR.hairline)
        .stroke();
      this.setFont(false, 7);
      this.doc
        .fillColor(COLOR.muted)
        .text(left, PAGE.left, y, { width: CONTENT_WIDTH, lineBreak: false });
      this.doc.text(`第 ${i + 1} 页 共 ${count} 页 · Page ${i + 1} of ${count}`, PAGE.left, y, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
      margins.bottom = bottom;
    }
  }
}

/** A bilingual label cell: Chinese in bold, English below in grey. */
export function label(zh: string, en: string): Line[] {
  return [
    { text: zh, bold: true, size: 8.2, after: 0 },
    { text: en, size: 6.5, color: COLOR.muted },
  ];
}
