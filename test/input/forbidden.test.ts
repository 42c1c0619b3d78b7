/**
 * Every code point that makes text lie, against every field kind (docs/SECURITY.md, "Text that
 * lies"). The lists are written out here from the issue, independently of src/input's tables.
 */
import { expect } from 'chai';
import { fileName, InputError, multiLine, singleLine } from '../../src/input/index.js';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Refused by every kind (line feed: by all but multi-line; carriage return: see below). */
const EVERYWHERE: readonly [what: string, codePoints: number[]][] = [
  ['C0 controls', range(0x00, 0x1f).filter((c) => c !== LINE_FEED && c !== CARRIAGE_RETURN)],
  ['DEL and C1 controls', range(0x7f, 0x9f)],
  ['bidi embeddings and overrides', range(0x202a, 0x202e)],
  ['bidi isolates', range(0x2066, 0x2069)],
  ['LRM, RLM, ALM', [0x200e, 0x200f, 0x061c]],
  ['line and paragraph separators', [0x2028, 0x2029]],
  ['zero-width space, word joiner, BOM', [0x200b, 0x2060, 0xfeff]],
  ['other invisibles', [0x180e, ...range(0x2061, 0x2064), ...range(0x206a, 0x206f)]],
  ['Hangul fillers', [0x3164, 0xffa0]],
  ['tag characters', [0xe0001, ...range(0xe0020, 0xe007f)]],
];
/** Separators and look-alike slashes: refused in file names only. */
const SLASHES = [
  0x2f, 0x5c, 0xff0f, 0x2215, 0x2044, 0x2216, 0x2571, 0x2572, 0x29f5, 0x29f8, 0x29f9, 0xfe68,
  0xff3c,
];

const kinds: readonly {
  kind: string;
  check: (value: string) => string;
  code: string;
  label: string;
  refused: number[];
  accepted: number[];
}[] = [
  {
    kind: 'single line',
    check: (v) => singleLine('title', v, { max: 200 }),
    code: 'INVALID_FIELD',
    label: 'field "title"',
    refused: [...EVERYWHERE.flatMap(([, c]) => c), LINE_FEED, CARRIAGE_RETURN],
    accepted: SLASHES,
  },
  {
    kind: 'multi-line',
    check: (v) => multiLine('description', v, { max: 4000 }),
    code: 'INVALID_FIELD',
    label: 'field "description"',
    refused: EVERYWHERE.flatMap(([, c]) => c),
    accepted: [LINE_FEED, CARRIAGE_RETURN, ...SLASHES],
  },
  {
    kind: 'file name',
    check: (v) => fileName(v, 'files[0].name'),
    code: 'INVALID_FILE_NAME',
    label: 'field "files[0].name"',
    refused: [...EVERYWHERE.flatMap(([, c]) => c), LINE_FEED, CARRIAGE_RETURN, ...SLASHES],
    accepted: [],
  },
];

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('input: every forbidden code point, for every field kind', () => {
  for (const k of kinds) {
    it(`${k.kind}: refuses ${k.refused.length} code points at the start, middle and end`, () => {
      for (const cp of k.refused) {
        const ch = String.fromCodePoint(cp);
        for (const text of [`${ch}合同`, `合${ch}同`, `合同${ch}`]) {
          let caught: unknown;
          try {
            k.check(text);
          } catch (err) {
            caught = err;
          }
          expect(caught, `${hex(cp)} in ${JSON.stringify(text)}`).to.be.instanceOf(InputError);
          const e = caught as InputError;
          expect(e.code, hex(cp)).to.equal(k.code);
          expect(e.message, hex(cp)).to.contain(k.label).and.contain(hex(cp));
          expect(e.details?.codePoint, hex(cp)).to.equal(hex(cp));
        }
      }
    });
    if (k.accepted.length > 0) {
      it(`${k.kind}: accepts ${k.accepted.map(hex).join(' ')} inside the text`, () => {
        for (const cp of k.accepted)
          expect(() => k.check(`a${String.fromCodePoint(cp)}b`)).not.to.throw();
      });
    }
  }

  it('names the kind of character in the message', () => {
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    };
    expect(message(() => singleLine('title', 'x\u202Egpj.exe', { max: 200 }))).to.equal(
      'field "title" contains a bidirectional control character U+202E',
    );
    expect(message(() => singleLine('caseNumber', 'a\nb', { max: 64 }))).to.equal(
      'field "caseNumber" contains a line break U+000A (the field is a single line)',
    );
    expect(message(() => multiLine('note', 'a\u200Bb', { max: 9 }))).to.equal(
      'field "note" contains an invisible character U+200B',
    );
    expect(message(() => multiLine('note', 'a\u2028b', { max: 9 }))).to.equal(
      'field "note" contains a line or paragraph separator U+2028',
    );
    expect(message(() => multiLine('note', 'a\tb', { max: 9 }))).to.equal(
      'field "note" contains a control character U+0009',
    );
    expect(message(() => fileName('合同\u2215.pdf'))).to.equal(
      'the file name contains a look-alike slash U+2215',
    );
    expect(message(() => fileName('../x', 'files[1].name'))).to.equal(
      'field "files[1].name" contains a path separator U+002F',
    );
  });

  it('keeps ZWJ emoji, variation selectors and ideographic variation sequences', () => {
    for (const ok of ['👨‍👩‍👧 家庭', '❤️', '葛\u{E0100}', 'ﾊﾝｶｸ', 'نص\u200Cعربي']) {
      expect(singleLine('title', ok, { max: 200 })).to.equal(ok.normalize('NFC'));
      expect(fileName(`${ok}.txt`)).to.equal(`${ok}.txt`.normalize('NFC'));
    }
  });
});
