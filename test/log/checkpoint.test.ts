/** C2SP tlog-checkpoint bodies and c2sp.org/tlog-proof@v1 text, strict both ways. */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  formatCheckpoint,
  formatTlogProof,
  parseCheckpoint,
  parseTlogProof,
  rfc6962,
  type Checkpoint,
} from '../../src/log/index.js';
import { b64, expectLogError, readVector, toB64, utf8 } from './helpers.js';

const ROOT = 'zPEqZA0d1c+Vv+wKhYIFiQYni4GYtpOhTFwGxaebnmc=';
const BODY = `example.com/notary-test\n8\n${ROOT}\n`;

describe('log/checkpoint (C2SP tlog-checkpoint)', () => {
  it('formats and parses the example body', () => {
    const cp = parseCheckpoint(BODY);
    expect(cp.origin).to.equal('example.com/notary-test');
    expect(cp.size).to.equal(8);
    expect(toB64(cp.root)).to.equal(ROOT);
    expect(formatCheckpoint(cp)).to.equal(BODY);
  });

  it('x/mod tlog FormatTree golden (appendix A4): origin with spaces, a large size', () => {
    const text =
      'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n';
    const root = rfc6962.hashLeaf(utf8('hello world'));
    expect(
      formatCheckpoint({
        origin: 'go.sum database tree',
        size: 123456789012,
        root,
        extensions: [],
      }),
    ).to.equal(text);
    expect(parseCheckpoint(text).size).to.equal(123456789012);
  });

  it('keeps extension lines', () => {
    const text = `${BODY}ext one\next two\n`;
    expect(parseCheckpoint(text).extensions).to.deep.equal(['ext one', 'ext two']);
    expect(formatCheckpoint(parseCheckpoint(text))).to.equal(text);
  });

  it('round-trips (fast-check)', () => {
    const line = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .filter((s) => [...s].every((c) => c.charCodeAt(0) >= 0x20));
    fc.assert(
      fc.property(
        line,
        fc.maxSafeNat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(line, { maxLength: 3 }),
        (origin, size, root, extensions) => {
          const cp: Checkpoint = { origin, size, root, extensions };
          expect(parseCheckpoint(formatCheckpoint(cp))).to.deep.equal(cp);
        },
      ),
    );
  });

  describe('rejects (INVALID_CHECKPOINT)', () => {
    const bad: [string, string][] = [
      ['empty', ''],
      ['no final newline', BODY.slice(0, -1)],
      ['missing root', 'example.com/log\n8\n'],
      ['empty origin', `\n8\n${ROOT}\n`],
      ['size with leading zero', `o\n08\n${ROOT}\n`],
      ['size with plus', `o\n+8\n${ROOT}\n`],
      ['negative size', `o\n-1\n${ROOT}\n`],
      ['size with space', `o\n 8\n${ROOT}\n`],
      ['hex size', `o\n0x8\n${ROOT}\n`],
      ['size ≥ 2^53', `o\n9007199254740992\n${ROOT}\n`],
      ['short root', 'o\n8\nAAAA\n'],
      ['root of 33 bytes', `o\n8\n${toB64(new Uint8Array(33))}\n`],
      ['non-canonical root', `o\n8\n${ROOT.replace('mc=', 'md=')}\n`],
      ['unpadded root', `o\n8\n${ROOT.slice(0, -1)}\n`],
      ['root with whitespace', `o\n8\n ${ROOT}\n`],
      ['empty extension line', `${BODY}\n`],
      ['carriage return', BODY.replace('\n', '\r\n')],
      ['lone surrogate', `o\ud800\n8\n${ROOT}\n`],
    ];
    for (const [what, text] of bad) {
      it(what, () => {
        expectLogError(() => parseCheckpoint(text), 'INVALID_CHECKPOINT');
      });
    }

    it('formatCheckpoint rejects bad fields', () => {
      const root = b64(ROOT);
      expectLogError(
        () => formatCheckpoint({ origin: '', size: 1, root, extensions: [] }),
        'INVALID_CHECKPOINT',
      );
      expectLogError(
        () => formatCheckpoint({ origin: 'a\nb', size: 1, root, extensions: [] }),
        'INVALID_CHECKPOINT',
      );
      expectLogError(
        () => formatCheckpoint({ origin: 'o', size: -1, root, extensions: [] }),
        'INVALID_CHECKPOINT',
      );
      expectLogError(
        () => formatCheckpoint({ origin: 'o', size: 2 ** 53, root, extensions: [] }),
        'INVALID_CHECKPOINT',
      );
      expectLogError(
        () => formatCheckpoint({ origin: 'o', size: 1, root: root.slice(1), extensions: [] }),
        'INVALID_CHECKPOINT',
      );
      expectLogError(
        () => formatCheckpoint({ origin: 'o', size: 1, root, extensions: [''] }),
        'INVALID_CHECKPOINT',
      );
    });
  });
});

describe('log/tlog-proof (c2sp.org/tlog-proof@v1)', () => {
  const text = readVector('checkpoint-example', 'entry5.tlog-proof');
  const checkpoint = readVector('checkpoint-example', 'checkpoint.8');

  it('formats and parses extra data', () => {
    const p = parseTlogProof(text);
    const withExtra = formatTlogProof({ ...p, extra: utf8('{"entry":"…"}') });
    expect(withExtra.split('\n')[1]).to.equal(`extra ${toB64(utf8('{"entry":"…"}'))}`);
    const back = parseTlogProof(withExtra);
    expect(back.extra).to.deep.equal(utf8('{"entry":"…"}'));
    expect(formatTlogProof(back)).to.equal(withExtra);
    const emptyExtra = formatTlogProof({ ...p, extra: new Uint8Array(0) });
    expect(formatTlogProof(parseTlogProof(emptyExtra))).to.equal(emptyExtra);
  });

  it('an empty inclusion proof (size-1 tree) round-trips', () => {
    const one = readVector('checkpoint-example', 'checkpoint.1');
    const t = formatTlogProof({ index: 0, proof: [], checkpoint: one });
    expect(t).to.equal(`c2sp.org/tlog-proof@v1\nindex 0\n\n${one}`);
    expect(parseTlogProof(t)).to.deep.equal({ index: 0, proof: [], checkpoint: one });
  });

  describe('rejects (INVALID_TLOG_PROOF)', () => {
    const lines = text.split('\n');
    const bad: [string, string][] = [
      ['wrong header', text.replace('tlog-proof@v1', 'tlog-proof@v2')],
      ['header with trailing space', text.replace('@v1\n', '@v1 \n')],
      ['missing index', text.replace('index 5\n', '')],
      ['index with leading zero', text.replace('index 5', 'index 05')],
      ['negative index', text.replace('index 5', 'index -5')],
      ['index ≥ 2^53', text.replace('index 5', 'index 9007199254740992')],
      ['index with two spaces', text.replace('index 5', 'index  5')],
      ['extra after index', [lines[0], lines[1], 'extra AAAA', ...lines.slice(2)].join('\n')],
      ['extra not base64', text.replace('index 5', 'extra %%%%\nindex 5')],
      ['short proof hash', text.replace(lines[2] as string, 'AAAA')],
      [
        'non-canonical proof hash',
        text.replace(lines[2] as string, (lines[2] as string).replace('I=', 'J=')),
      ],
      ['no blank line', text.replace(`${lines[4]}\n\n`, `${lines[4]}\n`)],
      ['no checkpoint', `${lines.slice(0, 6).join('\n')}\n`],
      ['unsigned checkpoint', `${lines.slice(0, 6).join('\n')}\n${checkpoint.split('\n\n')[0]}\n`],
      ['checkpoint with a bad body', text.replace('\n8\n', '\n08\n')],
      ['CRLF line endings', text.replaceAll('\n', '\r\n')],
    ];
    for (const [what, t] of bad) {
      it(what, () => {
        expectLogError(() => parseTlogProof(t), 'INVALID_TLOG_PROOF');
      });
    }

    it('formatTlogProof rejects bad fields', () => {
      const p = parseTlogProof(text);
      expectLogError(() => formatTlogProof({ ...p, index: -1 }), 'INVALID_TLOG_PROOF');
      expectLogError(
        () => formatTlogProof({ ...p, proof: [new Uint8Array(31)] }),
        'INVALID_TLOG_PROOF',
      );
      expectLogError(
        () => formatTlogProof({ ...p, checkpoint: 'not a note\n' }),
        'INVALID_TLOG_PROOF',
      );
    });
  });
});
