/**
 * The XMP metadata packet of a certificate (ISO 16684-1; PDF 2.0 §14.3.2): the PDF/A
 * identification, the dates, the Dublin Core title, author and subject, the producer and the
 * keywords, each equal to its Info-dictionary twin as PDF/A asks. Every value is escaped, so a
 * deposit titled `A&B <合同>` (or one crafted to close the element) stays one well-formed text
 * value and adds no property (docs/certificates.md, "Fonts and layout"). Pure.
 * @module
 */

/** What the packet says; the same values as the Info dictionary. */
export interface XmpFields {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords: string;
  readonly creatorTool: string;
  readonly producer: string;
  /** xmp:CreateDate (Info /CreationDate). */
  readonly createdAt: Date;
  /** xmp:ModifyDate and xmp:MetadataDate (Info /ModDate). */
  readonly modifiedAt: Date;
  /** pdfaid:part and pdfaid:conformance, e.g. 3 and `B`. */
  readonly pdfa: { readonly part: number; readonly conformance: string };
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * `text` as XML character data or an attribute value: `& < > " '` as entities, and characters
 * XML 1.0 does not allow (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE,
 * U+FFFF) as U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * An ISO 8601 date as XMP writes it, to the second in UTC — the precision of the Info
 * dictionary's `D:YYYYMMDDHHmmSSZ`, so the two say the same instant.
 */
export const xmpDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

/** The complete packet, `<?xpacket begin … end="w"?>`. */
export function xmpPacket(f: XmpFields): string {
  const e = escapeXml;
  const alt = (v: string): string =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${e(v)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    `   <pdfaid:part>${f.pdfa.part}</pdfaid:part>`,
    `   <pdfaid:conformance>${e(f.pdfa.conformance)}</pdfaid:conformance>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `   <xmp:CreateDate>${xmpDate(f.createdAt)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmpDate(f.modifiedAt)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmpDate(f.modifiedAt)}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${e(f.creatorTool)}</xmp:CreatorTool>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title>${alt(f.title)}</dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${e(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description>${alt(f.subject)}</dc:description>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `   <pdf:Producer>${e(f.producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${e(f.keywords)}</pdf:Keywords>`,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
