/**
 * A small, strict XML 1.0 reader for the tests: it accepts a document only when it is well
 * formed (one root, tags nested and matched, attributes quoted and not repeated, only the five
 * predefined entities and character references, no `<` or stray `&` in text, namespace
 * prefixes declared) and returns its elements. Enough for XMP packets; no DTDs, no CDATA.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own character data, entities resolved. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`a bare "&" at ${where}`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (num) return String.fromCodePoint(parseInt(num[1]!, ref[1] === 'x' ? 16 : 10));
    throw new Error(`unknown entity "${all}" at ${where}`);
  });
}

/** Parses `xml`; throws an Error saying where it is not well formed. */
export function parseXml(xml: string): XmlElement {
  let pos = 0;
  const stack: { el: XmlElement; ns: Set<string> }[] = [];
  let root: XmlElement | undefined;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos}: ${JSON.stringify(xml.slice(pos, pos + 40))}`);
  };
  const checkPrefix = (name: string, ns: Set<string>): void => {
    const prefix = name.includes(':') ? name.split(':')[0]! : '';
    if (prefix && prefix !== 'xml' && prefix !== 'xmlns' && !ns.has(prefix))
      fail(`undeclared prefix "${prefix}"`);
  };
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text.includes(']]>')) fail('"]]>" in text');
    const top = stack[stack.length - 1];
    if (top) top.el.text += unescape(text, pos);
    else if (text.trim() && text.trim() !== '\uFEFF') fail('text outside the root element');
    if (lt < 0) break;
    pos = lt;
    if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos);
      if (end < 0) fail('unterminated processing instruction');
      pos = end + 2;
    } else if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos);
      if (end < 0) fail('unterminated comment');
      pos = end + 3;
    } else if (xml.startsWith('<!', pos)) {
      fail('DTDs and CDATA are not expected here');
    } else if (xml.startsWith('</', pos)) {
      const m = NAME.exec(xml.slice(pos + 2));
      if (!m) fail('bad end tag');
      const close = xml.slice(pos + 2 + m![0].length).match(/^\s*>/);
      if (!close) fail('bad end tag');
      const open = stack.pop();
      if (!open || open.el.name !== m![0]) fail(`</${m![0]}> does not close <${open?.el.name}>`);
      pos += 2 + m![0].length + close![0].length;
    } else {
      const m = NAME.exec(xml.slice(pos + 1));
      if (!m) fail('bad start tag');
      const name = m![0];
      pos += 1 + name.length;
      const attributes: Record<string, string> = {};
      const ns = new Set(stack[stack.length - 1]?.ns ?? []);
      for (;;) {
        const a = /^(\s+)([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(pos));
        if (!a) break;
        if (a[2]! in attributes) fail(`attribute ${a[2]} repeated`);
        attributes[a[2]!] = unescape(a[4] ?? a[5] ?? '', pos);
        if (a[2]!.startsWith('xmlns:')) ns.add(a[2]!.slice(6));
        pos += a[0].length;
      }
      const end = /^\s*(\/?)>/.exec(xml.slice(pos));
      if (!end) fail(`bad start tag <${name}>`);
      pos += end![0].length;
      checkPrefix(name, ns);
      for (const k of Object.keys(attributes)) checkPrefix(k, ns);
      const el: XmlElement = { name, attributes, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else if (root) fail('a second root element');
      else root = el;
      if (!end![1]) stack.push({ el, ns });
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.el.name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
}

/** Every element of the tree, depth first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
