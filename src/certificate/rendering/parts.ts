/**
 * Parts every certificate shares: the title block (issuer line, bilingual title, number, a
 * notice, the QR code to the verification page) and the sign-off at the foot of page 1 (who
 * issued it, when, how it is signed) with the office seal, which is also the visible
 * signature widget.
 * @module
 */
import { COLOR, CONTENT_WIDTH, PAGE, type Line, type Sheet } from './layout.js';
import { addSignatureField } from '../signing/placeholder.js';
import { drawQrCode } from './qr.js';
import { drawSeal } from './seal.js';
import type { NotarySigner } from '../signing/signer.js';
import { dateZh, type Bilingual, type Issuer } from './wording.js';

const QR_SIZE = 76;
/** Least height of the sign-off block at the foot of page 1 (room for the seal). */
const SIGN_OFF_MIN = 118;
const SEAL_RADIUS = 50;

/** Draws the title block at the top of page 1. */
export function titleBlock(
  sheet: Sheet,
  o: {
    issuer: Issuer;
    title: Bilingual;
    /** `reference`: a small line under the number (e.g. the machine id). */
    number: { label: Bilingual; value: string; reference?: string };
    notice?: Bilingual;
    qr?: { url: string; caption: Bilingual };
  },
): void {
  const { doc } = sheet;
  const top = PAGE.top - 8;
  const textWidth = CONTENT_WIDTH - 2 * (QR_SIZE + 6);
  const x = PAGE.left + QR_SIZE + 6;
  const centred = { width: textWidth, align: 'center' as const };
  sheet.setFont(false, 8);
  doc.fillColor(COLOR.muted).text(`${o.issuer.office.zh} · ${o.issuer.office.en}`, x, top, centred);
  doc.font('bold').fontSize(21); // the one use of the real bold weight
  doc.fillColor(COLOR.ink).text(o.title.zh, x, top + 14, { ...centred, characterSpacing: 4 });
  sheet.setFont(false, 9.5);
  doc.text(o.title.en.toUpperCase(), x, top + 44, { ...centred, characterSpacing: 1.2 });
  sheet.setFont(false, 8);
  doc
    .fillColor(COLOR.muted)
    .text(`${o.number.label.zh} ${o.number.label.en}`, x, top + 61, centred);
  sheet.draw(
    [{ text: o.number.value, size: 11, bold: true, align: 'center' }],
    x,
    top + 72,
    textWidth,
  );
  let y = top + 90;
  if (o.number.reference) {
    sheet.draw(
      [{ text: o.number.reference, size: 6.8, color: COLOR.muted, align: 'center' }],
      x,
      y - 2,
      textWidth,
    );
    y += 9;
  }
  if (o.notice) {
    sheet.draw(
      [
        {
          text: `${o.notice.zh}  ${o.notice.en}`,
          size: 7.8,
          bold: true,
          color: COLOR.red,
          align: 'center',
        },
      ],
      PAGE.left,
      y,
      CONTENT_WIDTH,
    );
    y += 13;
  }
  if (o.qr) {
    const qx = PAGE.width - PAGE.right - QR_SIZE;
    drawQrCode(doc, o.qr.url, qx, top + 2, QR_SIZE);
    sheet.setFont(false, 6.5);
    doc
      .fillColor(COLOR.muted)
      .text(`${o.qr.caption.zh} ${o.qr.caption.en}`, qx - 10, top + QR_SIZE + 4, {
        width: QR_SIZE + 20,
        align: 'center',
      });
  }
  y = Math.max(y, top + QR_SIZE + 14);
  sheet.rule(y + 2, COLOR.ink, 1.2);
  sheet.rule(y + 4.5, COLOR.ink, 0.4);
  sheet.y = y + 8;
}

/** Width of the notes beside the seal in the sign-off. */
const NOTES_WIDTH = CONTENT_WIDTH * 0.6;

/** Sign-off content: notes on the left (scope of proof), issuer, date and seal on the right. */
export interface SignOff {
  readonly issuer: Issuer;
  readonly issuedAt: Date;
  readonly signer: NotarySigner;
  readonly sealPurpose: string;
  readonly notes: readonly Line[];
  readonly reason: string;
  readonly contactInfo: string;
  /** Lines above the issuer name (e.g. the notary's name). */
  readonly signatories?: readonly Bilingual[];
  /** The date under the seal; default `2026年11月26日` ({@link dateZh} of `issuedAt`). */
  readonly date?: string;
}

/** Height the sign-off needs; reserve it on page 1 before laying out the rest. */
export function signOffHeight(sheet: Sheet, o: Pick<SignOff, 'notes'>): number {
  return Math.max(SIGN_OFF_MIN, sheet.measure(o.notes, NOTES_WIDTH) + 14);
}

/**
 * Draws the sign-off on page 1 right under its content (at most as low as the area reserved
 * at its foot; switches there and leaves the document on page 1) and adds the signature
 * field, whose appearance is the seal.
 */
export function signOff(sheet: Sheet, o: SignOff): void {
  const { doc } = sheet;
  doc.switchToPage(0);
  const top = sheet.signOffTop + 6;
  const height = sheet.reserveFirstPage - 6;
  sheet.rule(top - 2, COLOR.rule, 0.6);
  sheet.draw(o.notes, PAGE.left, top + 5, NOTES_WIDTH);
  const rx = PAGE.left + NOTES_WIDTH + 12;
  const rw = CONTENT_WIDTH - NOTES_WIDTH - 12;
  const lines: Line[] = [
    ...(o.signatories ?? []).flatMap((s): Line[] => [
      { text: s.zh, size: 9.5, bold: true, after: 0 },
      { text: s.en, size: 7, color: COLOR.muted, after: 4 },
    ]),
    { text: o.issuer.office.zh, size: 11, bold: true, after: 0 },
    { text: o.issuer.office.en, size: 7.5, color: COLOR.muted, after: 5 },
    { text: o.date ?? dateZh(o.issuedAt), size: 10.5 },
  ];
  // The seal is centred on the date, as a stamp pressed over the date of issue; the text block
  // is centred in the sign-off unless that would push the seal below it (into the footer).
  const h = sheet.measure(lines, rw);
  const dateOffset = sheet.measure(lines.slice(0, -1), rw) + 8;
  const lowestCy = top + height + 6 - SEAL_RADIUS;
  const ty = Math.max(top + 2, Math.min(top + (height - h) / 2, lowestCy - dateOffset));
  sheet.draw(
    lines.map((l) => ({ ...l, align: 'center' as const })),
    rx,
    ty,
    rw,
  );
  const cx = rx + rw / 2 + 10;
  const cy = ty + dateOffset;
  addSignatureField(doc, {
    rect: {
      x: cx - SEAL_RADIUS,
      y: cy - SEAL_RADIUS,
      width: 2 * SEAL_RADIUS,
      height: 2 * SEAL_RADIUS,
    },
    appearance: (d) =>
      drawSeal(d, cx, cy, SEAL_RADIUS, {
        ring: o.issuer.office.zh,
        purpose: o.sealPurpose,
        code: o.signer.info.serialNumber.slice(0, 16),
      }),
    signer: o.signer,
    signedAt: o.issuedAt,
    reason: o.reason,
    location: o.issuer.location ?? o.issuer.office.zh,
    contactInfo: o.contactInfo,
    appName: 'huicun',
  });
}
