/**
 * A QR code drawn as vector rectangles (one per horizontal run of dark modules), so it stays
 * sharp at any zoom and costs a few hundred bytes. Error correction level M.
 * @module
 */
import QRCode from 'qrcode';

/** Draws `text` as a QR code of `size` points at (x, y), quiet zone included in `size`. */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 2; // modules of white around the symbol (the page is white beyond it)
  const cell = size / (n + 2 * quiet);
  doc.rect(x, y, size, size).fillColor('#ffffff').fill();
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n;) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      let end = c;
      while (end < n && modules.get(r, end)) end++;
      doc.rect(x + (quiet + c) * cell, y + (quiet + r) * cell, (end - c) * cell, cell);
      c = end;
    }
  }
  doc.fill();
}
