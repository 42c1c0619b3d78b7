/**
 * fast-check arbitraries of hostile input: strings (control and bidi characters, lone
 * surrogates, huge), numbers, JSON documents (deep nesting, `__proto__` / `constructor` keys,
 * wrong types, near-valid bodies with one field broken), query strings, path segments, header
 * sets and multipart bodies (random boundaries, truncated parts, many parts, huge part headers,
 * file names with every kind of nasty character).
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';

// ---------------------------------------------------------------- strings and numbers

/** Characters that break naive code: controls, bidi, separators, surrogate halves, emoji. */
export const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud83d',
  '😀',
  '👨‍👩‍👧',
  'e\u0301',
  'é',
  'İ',
  'ß',
  'ﬃ',
  '﷽',
  '𝔘',
  '汇存',
  '\\',
  '/',
  '"',
  "'",
  '`',
  '<',
  '>',
  '&',
  ';',
  '=',
  '%',
  '%00',
  '%ff',
  '../',
  '..\\',
  '${x}',
  '{{x}}',
  '*',
  '?',
  '#',
];

/** Strings that mean something to someone. */
export const MEANINGFUL_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '0',
  '-1',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  'undefined',
  '[object Object]',
  'admin',
  'depositor',
  'approve',
  'reject',
  'json',
  'tlog-proof',
  'latest',
  '../../../../etc/passwd',
  'HC00000000001',
  'HC0000000001X',
  'a'.repeat(64),
  'ab'.repeat(32),
  'AB'.repeat(32),
  '2026-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  '310104199003071237',
];

const nastyMix = fc
  .array(fc.oneof(fc.constantFrom(...NASTY_CHARS), fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((a) => a.join(''));

const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 4 })
  .map((cs) => String.fromCharCode(...cs));

/** Huge strings: some above the 256 KiB JSON limit, most below it. */
export const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 300_000 }), fc.constantFrom('x', 'é', '汇', '\u0000', '😀'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

/** Any hostile string (short, usually). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: nastyMix },
  { weight: 1, arbitrary: loneSurrogates },
  { weight: 3, arbitrary: fc.constantFrom(...MEANINGFUL_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => 'y'.repeat(n)) },
);

/** A hostile string that is sometimes huge. */
export const hostileStringOrHuge = fc.oneof(
  { weight: 12, arbitrary: hostileString },
  { weight: 1, arbitrary: hugeString },
);

/** Numbers JSON can carry that code may not expect. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
  ),
);

/** Number spellings for query strings and raw JSON (beyond what a double can hold). */
export const NUMBER_TEXTS = [
  '0',
  '00',
  '-1',
  '-0',
  '+1',
  '1.5',
  '1e3',
  '1e400',
  '-1e400',
  '0x10',
  '0b1',
  ' 1',
  '1 ',
  '9007199254740993',
  '99999999999999999999999999999999',
  '1'.repeat(400),
  'NaN',
  'Infinity',
  '١٢٣',
  '１２',
];

// ---------------------------------------------------------------- JSON documents

/** JSON text spliced in as is (deep nesting, numbers no double holds, duplicate keys). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object as an ordered list of entries, so `__proto__` is an ordinary key. */
export class JsonObject {
  constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}

export type Json = null | boolean | number | string | Json[] | JsonObject | RawJson;

/** Serialises a {@link Json} (JSON.stringify escapes lone surrogates as `\udXXX`). */
export function jsonText(v: Json): string {
  if (v instanceof RawJson) return v.text;
  if (v instanceof JsonObject)
    return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  return JSON.stringify(v) ?? 'null';
}

/** A plain value (from a template) as {@link Json}. */
export function toJson(v: unknown): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string')
    return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object')
    return new JsonObject(Object.entries(v as object).map(([k, x]) => [k, toJson(x)]));
  return null;
}

/** Nesting ~10,000 levels deep (sometimes 100,000), as arrays, objects or both. */
export const deepJson: fc.Arbitrary<RawJson> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 500, max: 12_000 }), fc.constant(100_000)),
    fc.constantFrom('array', 'object', 'mixed'),
  )
  .map(([depth, kind]) => {
    if (kind === 'array') return new RawJson('['.repeat(depth) + ']'.repeat(depth));
    if (kind === 'object') return new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
    const half = Math.floor(depth / 2);
    return new RawJson('[{"__proto__":'.repeat(half) + 'null' + '}]'.repeat(half));
  });

/** Keys an attacker puts in objects. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype') },
  { weight: 3, arbitrary: hostileString },
);

/** Any hostile JSON value (bounded size; deep or huge only now and then). */
export const hostileJson: fc.Arbitrary<Json> = fc
  .letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: hostileString },
      { weight: 2, arbitrary: hostileNumber },
      { weight: 1, arbitrary: fc.constantFrom(...NUMBER_TEXTS).map((t) => new RawJson(t)) },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      {
        weight: 2,
        arbitrary: fc
          .array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })
          .map((e) => new JsonObject(e)),
      },
    ),
  }))
  .value.filter((v) => !(v instanceof RawJson) || /^[-\d]/.test(v.text));

/** The prototype-pollution shapes, wrapped around `inner`. */
export function pollution(inner: Json): Json[] {
  return [
    new JsonObject([['__proto__', inner]]),
    new JsonObject([['constructor', new JsonObject([['prototype', inner]])]]),
    new JsonObject([['__proto__', new JsonObject([['polluted', 'yes']])]]),
  ];
}

/**
 * Bodies for a route whose valid body is `template` (a plain object, or undefined when the route
 * takes none): the template with a field replaced, removed or added, wrong top-level types,
 * prototype pollution, deep nesting, huge strings, and random JSON.
 */
export function jsonBody(
  template: Readonly<Record<string, unknown>> | undefined,
): fc.Arbitrary<Json> {
  const base = toJson(template ?? {}) as JsonObject;
  const fields = base.entries.map(([k]) => k);
  const field = fields.length ? fc.constantFrom(...fields) : hostileKey;
  const value = fc.oneof(
    { weight: 6, arbitrary: hostileJson },
    { weight: 1, arbitrary: deepJson as fc.Arbitrary<Json> },
    { weight: 1, arbitrary: hugeString },
  );
  const replaced = fc
    .tuple(field, value)
    .map(([k, v]) => new JsonObject([...base.entries.filter(([x]) => x !== k), [k, v]]));
  const removed = field.map((k) => new JsonObject(base.entries.filter(([x]) => x !== k)));
  const added = fc
    .tuple(hostileKey, value)
    .map(([k, v]) => new JsonObject([...base.entries, [k, v]]));
  const polluted = fc
    .tuple(fc.boolean(), hostileJson)
    .chain(([withTemplate, inner]) =>
      fc.constantFrom(
        ...pollution(withTemplate ? base : inner),
        new JsonObject([['__proto__', base]]),
        new JsonObject([
          ...base.entries.slice(1),
          ['__proto__', new JsonObject(base.entries.slice(0, 1))],
        ]),
      ),
    );
  const nestedFile = fc.tuple(field, hostileJson).map(
    ([k, v]) =>
      new JsonObject([
        ...base.entries.filter(([x]) => x !== k),
        [
          k,
          [
            new JsonObject([
              ['name', v],
              ['size', v],
              ['sha256', v],
            ]),
          ],
        ],
      ]),
  );
  return fc.oneof(
    { weight: 4, arbitrary: replaced },
    { weight: 1, arbitrary: removed },
    { weight: 2, arbitrary: added },
    { weight: 2, arbitrary: polluted },
    { weight: 1, arbitrary: nestedFile },
    { weight: 1, arbitrary: fc.constant(base) },
    { weight: 2, arbitrary: hostileJson },
    { weight: 1, arbitrary: deepJson as fc.Arbitrary<Json> },
    { weight: 1, arbitrary: hugeString as fc.Arbitrary<Json> },
  );
}

/** JSON-ish texts that are not JSON. */
export const brokenJsonText = fc.constantFrom(
  '',
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'undefined',
  'NaN',
  '{"a":1}{"a":2}',
  '\ufeff{}',
  '{"\\ud800":"\\udc00"}',
  '{"a":"\\u00"}',
  '{"a":01}',
  '"just a string"',
  '123',
  'null',
  'true',
  '{"a":1}\u0000',
  '{"__proto__":{"__proto__":{"x":1}}}',
);

// ---------------------------------------------------------------- query strings and paths

const percentEncode = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    // Lone surrogates: encode the UTF-16 code units' WTF-8 bytes by hand.
    return [...Buffer.from(s, 'utf16le')]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join('');
  }
};

/** Bad percent escapes and raw characters that URL parsers disagree about. */
export const BAD_ESCAPES = [
  '%',
  '%2',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '%25',
  '%2e%2e',
  '%2F',
  '%5C',
  '+',
  '%20',
  ';',
  '&&',
  '==',
  '?',
  '#',
];

const queryKey = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('limit') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '__proto__',
        '__proto__[x]',
        'constructor[prototype][x]',
        'a[]',
        'a[0]',
        'a[b][c]',
        'limit[]',
        'index[]',
        'format[]',
        'state[]',
      ),
    },
    { weight: 2, arbitrary: hostileString.map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_ESCAPES) },
  );

const queryValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_TEXTS).map(percentEncode) },
  { weight: 3, arbitrary: hostileString.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_ESCAPES) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => '9'.repeat(n)) },
);

/** A query string (without `?`): repeated keys, arrays, pollution keys, huge numbers. */
export function queryString(known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.tuple(queryKey(known), queryValue).map(([k, v]) => `${k}=${v}`),
        },
        { weight: 1, arbitrary: queryKey(known) },
        { weight: 1, arbitrary: fc.constantFrom('=', '&', '==x', '=x') },
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((pairs) => pairs.join('&'));
}

/** One path segment: percent-encoded hostile strings, `..`, NUL, bad escapes, overlong. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(percentEncode) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2E%2F%2E%2E',
      '..%2f..%2f',
      '%00',
      'x%00y',
      '%2F',
      '%5C',
      '',
      '~',
      '%7e',
      'HC00000000001%00',
      'HC00000000001..',
      '%252e%252e',
      '0x0',
      '-1',
      '1e3',
      '00',
      '18446744073709551616',
      ';x=1',
      'a;b',
      '%C0%AE%C0%AE',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_ESCAPES) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 20_000 }).map((n) => 'z'.repeat(n)) },
);

// ---------------------------------------------------------------- headers

/** Content types that lie about a body. */
export const CONTENT_TYPE_LIES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=x-unknown',
  'application/json;;;',
  'application/json; boundary=x',
  'application/ld+json',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'text/json',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="unterminated',
  'multipart/form-data; boundary=x; boundary=y',
  'multipart/mixed; boundary=x',
  'application/pdf',
  'application/octet-stream',
  '*/*',
  '',
  ';',
  'json',
  '\u00e9/\u00e9',
];

/** Extra request headers: encodings, expectations, ranges, forwarding, cookies, junk. */
export const extraHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.constantFrom<[string, string]>(
    ['Content-Encoding', 'gzip'],
    ['Content-Encoding', 'deflate'],
    ['Content-Encoding', 'br'],
    ['Content-Encoding', 'x-unknown'],
    ['Content-Encoding', 'gzip, gzip'],
    ['Accept', 'application/pdf'],
    ['Accept', 'application/pdf;q=1, application/json;q=0'],
    ['Accept', 'text/html'],
    ['Accept', '*/*;q=x'],
    ['Accept-Encoding', 'gzip;q=nan'],
    ['Range', 'bytes=0-0'],
    ['Range', 'bytes=-1'],
    ['Range', 'bytes=5-2'],
    ['Range', 'bytes=99999999999999999999-'],
    ['Range', `bytes=${Array.from({ length: 200 }, (_, i) => `${i}-${i}`).join(',')}`],
    ['Range', 'pages=1-2'],
    ['If-Range', 'x'],
    ['If-None-Match', '*'],
    ['If-Modified-Since', 'yesterday'],
    ['X-Forwarded-For', '1.2.3.4, ::1, not-an-ip'],
    ['X-Forwarded-Proto', 'gopher'],
    ['X-Forwarded-Host', 'evil.example'],
    ['Forwarded', 'for="_gazonk"'],
    ['Cookie', '__proto__=1; constructor=2'],
    ['Origin', 'https://evil.example'],
    ['X-HTTP-Method-Override', 'DELETE'],
    ['X-Request-Id', '\u00ff'.repeat(300)],
    ['Expect', '100-continue'],
    ['Transfer-Encoding', 'identity'],
    ['Content-Length', '0'],
    ['Content-Length', '-1'],
    ['Content-Length', '1e3'],
  ),
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    )
    .map(([k, v]): [string, string] => [`X-${k}`, v.replace(/[\r\n]/g, ' ')]),
);

/** A header over Node's 16 KiB limit, or a crowd of headers. */
export const hugeHeaders: fc.Arbitrary<[string, string][]> = fc.oneof(
  fc
    .integer({ min: 8_000, max: 40_000 })
    .map((n): [string, string][] => [['X-Huge', 'h'.repeat(n)]]),
  fc
    .integer({ min: 50, max: 2_500 })
    .map((n): [string, string][] => Array.from({ length: n }, (_, i) => [`X-Many-${i}`, 'v'])),
  fc
    .integer({ min: 8_000, max: 40_000 })
    .map((n): [string, string][] => [['Authorization', `Bearer ${'a'.repeat(n)}.b.c`]]),
);

/** Authorization values built at random. */
export const randomAuthorization: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('Bearer ', 'bearer ', 'Bearer  ', 'Basic ', 'Token ', '', 'Bearer\t'),
      fc.oneof(
        fc
          .tuple(
            fc.oneof(
              hostileJson.map((j) => jsonText(j)),
              fc.constantFrom(
                '{"alg":"none","typ":"JWT"}',
                '{"typ":"JWT"}',
                '{"alg":"ES256","kid":"x"}',
              ),
            ),
            fc.oneof(
              hostileJson.map((j) => jsonText(j)),
              hostileString,
            ),
            fc.oneof(fc.constant(''), fc.base64String({ maxLength: 90 })),
          )
          .map(
            ([h, p, s]) =>
              `${Buffer.from(h).toString('base64url')}.${Buffer.from(p).toString('base64url')}.${s.replace(/[+/=]/g, '')}`,
          ),
        fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, '')),
      ),
    )
    .map(([scheme, token]) => scheme + token),
);

// ---------------------------------------------------------------- multipart

/** File names with every kind of nasty character, as the raw bytes of the header value. */
export const nastyFileName: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 3, arbitrary: hostileString.map((s) => Buffer.from(s, 'utf8')) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '../../etc/passwd',
        '..\\..\\boot.ini',
        '/abs/path.txt',
        'C:\\Windows\\x.txt',
        'a/b.txt',
        '.',
        '..',
        '.hidden',
        'CON',
        'nul.txt',
        'x'.repeat(256),
        '汇'.repeat(90),
        'e\u0301.txt',
        'rtl\u202etxt.exe',
        'semi;colon.txt',
        'quote"d.txt',
        'back\\slash.txt',
        '%00.txt',
        'a%2Fb.txt',
        '',
        ' ',
        'tab\there.txt',
      )
      .map((s) => Buffer.from(s, 'utf8')),
  },
  {
    weight: 2,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 40 })
      .map((b) => Buffer.from(b.map((x) => (x === 0x22 || x === 0x0d || x === 0x0a ? 0x41 : x)))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from([0xff, 0xfe]),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 20_000 }).map((n) => Buffer.alloc(n, 0x6e)) },
);

export interface MultipartPart {
  readonly name: Buffer;
  readonly fileName?: Buffer;
  /** `filename*=` (RFC 5987) value instead of, or besides, `filename`. */
  readonly fileNameStar?: string;
  readonly contentType?: string;
  readonly extraHeaders: readonly Buffer[];
  readonly body: Buffer;
}

/** A multipart body and its Content-Type header. */
export interface Multipart {
  readonly contentType: string;
  readonly body: Buffer;
}

const FIELD_NAMES = [
  'files',
  'title',
  'description',
  'file',
  'certificate',
  'depositId',
  'clientName',
  'clientIdNumber',
  'files[]',
  'files[0]',
  '__proto__',
  'title[__proto__]',
  'constructor[prototype]',
];

const partArb = (maxBody: number): fc.Arbitrary<MultipartPart> =>
  fc.record(
    {
      name: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES).map((s) => Buffer.from(s)) },
        { weight: 1, arbitrary: nastyFileName },
      ),
      fileName: nastyFileName,
      fileNameStar: fc.oneof(
        hostileString.map((s) => `UTF-8''${percentEncode(s)}`),
        fc.constantFrom("UTF-8''%E0%A4%A", "x-unknown''abc", "''", "UTF-8'en'%C0%AF", 'no-quotes'),
      ),
      contentType: fc.constantFrom(
        ...CONTENT_TYPE_LIES,
        'image/png',
        'text/plain; charset=gbk',
        'a/b/c',
      ),
      extraHeaders: fc.array(
        fc.oneof(
          fc
            .constantFrom(
              'Content-Transfer-Encoding: base64',
              'Content-Disposition: attachment',
              'X: y',
            )
            .map((s) => Buffer.from(s)),
          fc
            .integer({ min: 1_000, max: 40_000 })
            .map((n) => Buffer.from(`X-Huge: ${'h'.repeat(n)}`)),
          fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b)),
        ),
        { maxLength: 3 },
      ),
      body: fc.oneof(
        { weight: 4, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)) },
        { weight: 2, arbitrary: hostileString.map((s) => Buffer.from(s, 'utf8')) },
        { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 1, max: maxBody }).map((n) => Buffer.alloc(n, 0x61)),
        },
      ),
    },
    { requiredKeys: ['name', 'extraHeaders', 'body'] },
  );

/** The boundary of a multipart body: valid ones of every length, and broken ones. */
export const boundaryArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[0-9A-Za-z'()+_,./:=?-]{1,70}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '-',
      '--',
      ' ',
      'x'.repeat(71),
      'x'.repeat(2_000),
      'a b',
      'a"b',
      'é',
      'a;b',
      '\t',
    ),
  },
);

/** How the body is broken, beyond its parts. */
export type Damage =
  'none' | 'truncate' | 'no-close' | 'lf-only' | 'preamble' | 'epilogue' | 'wrong-boundary';

function partBytes(boundary: string, p: MultipartPart, lf: string): Buffer {
  const disp: Buffer[] = [
    Buffer.from('Content-Disposition: form-data; name="'),
    p.name,
    Buffer.from('"'),
  ];
  if (p.fileName) disp.push(Buffer.from('; filename="'), p.fileName, Buffer.from('"'));
  if (p.fileNameStar !== undefined) disp.push(Buffer.from(`; filename*=${p.fileNameStar}`));
  const lines: Buffer[] = [Buffer.concat(disp)];
  if (p.contentType !== undefined) lines.push(Buffer.from(`Content-Type: ${p.contentType}`));
  lines.push(...p.extraHeaders);
  const eol = Buffer.from(lf);
  return Buffer.concat([
    Buffer.from(`--${boundary}${lf}`),
    ...lines.flatMap((l) => [l, eol]),
    eol,
    p.body,
    eol,
  ]);
}

/**
 * Multipart bodies: random parts (up to a few hundred), boundaries, damage (truncation, no
 * closing boundary, LF line ends, garbage around), with the Content-Type usually telling the
 * truth about the boundary and sometimes not. `template` parts come first (a near-valid form).
 */
export function multipartBody(
  template: readonly MultipartPart[],
  maxFileBody: number,
): fc.Arbitrary<Multipart> {
  const random = fc.array(partArb(maxFileBody), { maxLength: 6 });
  const many = fc.integer({ min: 20, max: 300 }).map((n) =>
    Array.from({ length: n }, (_, i): MultipartPart => ({
      name: Buffer.from(i % 2 ? 'files' : 'title'),
      ...(i % 2 ? { fileName: Buffer.from(`f${i}.txt`) } : {}),
      extraHeaders: [],
      body: Buffer.from(`part ${i}`),
    })),
  );
  // The valid form with one part changed: a nasty file name, content type, body or header.
  const mutated: fc.Arbitrary<MultipartPart[]> = template.length
    ? fc
        .tuple(fc.nat({ max: template.length - 1 }), partArb(maxFileBody), fc.nat({ max: 4 }))
        .map(([i, other, what]) =>
          template.map((p, j) => {
            if (j !== i) return p;
            if (what === 0) return { ...p, fileName: other.fileName ?? Buffer.alloc(0) };
            if (what === 1) return { ...p, contentType: other.contentType ?? '' };
            if (what === 2) return { ...p, body: other.body };
            if (what === 3) return { ...p, extraHeaders: other.extraHeaders };
            return { ...p, ...(other.fileNameStar ? { fileNameStar: other.fileNameStar } : {}) };
          }),
        )
    : random;
  const parts = fc
    .tuple(
      fc.oneof(
        { weight: 4, arbitrary: mutated.map((ps) => ({ ps, template: false })) },
        { weight: 4, arbitrary: random.map((ps) => ({ ps, template: true })) },
        { weight: 2, arbitrary: random.map((ps) => ({ ps, template: false })) },
        { weight: 1, arbitrary: many.map((ps) => ({ ps, template: false })) },
      ),
      fc.boolean(),
    )
    .map(([{ ps, template: withTemplate }, shuffle]) =>
      withTemplate ? (shuffle ? [...ps, ...template] : [...template, ...ps]) : ps,
    );
  return fc
    .record({
      boundary: boundaryArb,
      parts,
      damage: fc.constantFrom<Damage>(
        'none',
        'none',
        'none',
        'none',
        'none',
        'none',
        'truncate',
        'no-close',
        'lf-only',
        'preamble',
        'epilogue',
        'wrong-boundary',
      ),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      quoted: fc.boolean(),
      typeLie: fc.oneof(
        { weight: 5, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPE_LIES) },
      ),
    })
    .map(({ boundary, parts: all, damage, cut, quoted, typeLie }) => {
      const lf = damage === 'lf-only' ? '\n' : '\r\n';
      let body = Buffer.concat([
        damage === 'preamble'
          ? Buffer.from('garbage before the first boundary\r\n')
          : Buffer.alloc(0),
        ...all.map((p) => partBytes(boundary, p, lf)),
        damage === 'no-close' ? Buffer.alloc(0) : Buffer.from(`--${boundary}--${lf}`),
        damage === 'epilogue' ? Buffer.from('garbage after the end') : Buffer.alloc(0),
      ]);
      if (damage === 'truncate') body = body.subarray(0, Math.floor(body.length * cut));
      const declared = damage === 'wrong-boundary' ? `${boundary}x` : boundary;
      const contentType =
        typeLie ?? `multipart/form-data; boundary=${quoted ? `"${declared}"` : declared}`;
      return { contentType, body };
    });
}

/** A template part: a text field. */
export const field = (name: string, value: string): MultipartPart => ({
  name: Buffer.from(name),
  extraHeaders: [],
  body: Buffer.from(value, 'utf8'),
});

/** A template part: a file. */
export const filePart = (name: string, fileName: string, body: string): MultipartPart => ({
  name: Buffer.from(name),
  fileName: Buffer.from(fileName, 'utf8'),
  extraHeaders: [],
  body: Buffer.from(body, 'utf8'),
});

/** A gzip bomb: 2 MiB of zeros compressed (above the JSON limit once inflated). */
export const GZIP_BOMB = gzipSync(Buffer.alloc(2 * 1024 * 1024));
