import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { Intake } from '../../src/evidence/intake/index.js';
import { BOUNDARY, codeOf, file, multipart, startFixture, title, type Fixture } from './helpers.js';

const run = promisify(execFile);
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function opensslSm3(dir: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, 'openssl-input.bin');
  writeFileSync(path, bytes);
  const { stdout } = await run('openssl', ['dgst', '-sm3', '-r', path]);
  return stdout.split(' ')[0] ?? '';
}

const KiB = 1024;
const LIMIT = 256 * KiB;

describe('intake: POST multipart deposit', () => {
  let fx: Fixture;
  before(async () => {
    fx = await startFixture({ limits: { maxFileBytes: LIMIT, maxFiles: 3 }, reserveBytes: 0 });
  });
  after(() => fx.close());
  afterEach(() => {
    expect(fx.tmpFiles(), 'temp files left').to.deep.equal([]);
  });

  it('stores several files with UTF-8 Chinese names; digests equal node:crypto and openssl', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40 * KiB)]);
    const bin = randomBytes(100 * KiB + 7);
    const res = await fx.post(
      multipart([
        title('  劳动合同存证  '),
        { name: 'description', value: '甲方与乙方' },
        file('合同.pdf', pdf, 'application/pdf'),
        file('照片 (1).bin', bin, 'application/octet-stream'),
      ]),
    );
    expect(res.status).to.equal(201);
    const intake = res.body as Intake;
    expect(intake.fields).to.deep.equal({
      title: '劳动合同存证',
      description: '甲方与乙方',
      extra: {},
    });
    expect(intake.files.map((f) => [f.name, f.size, f.mediaType])).to.deep.equal([
      ['合同.pdf', pdf.length, 'application/pdf'],
      ['照片 (1).bin', bin.length, 'application/octet-stream'],
    ]);
    for (const [i, bytes] of [pdf, bin].entries()) {
      const f = intake.files[i]!;
      expect(f.sha256).to.equal(sha256(bytes));
      expect(f.sm3).to.equal(await opensslSm3(fx.dataDir, bytes));
      const stored = await fx.blobs.stat(f.sha256);
      expect(stored?.size).to.equal(bytes.length);
      expect(fx.blobs.holds(f.sha256)).to.equal(0); // settled by the route
    }
  });

  it('takes a valid part Content-Type, else sniffs, else application/octet-stream', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(64),
    ]);
    const res = await fx.post(
      multipart([
        title(),
        file('a.png', png, 'application/octet-stream'),
        file('b.txt', '你好，世界\n', 'text/markdown; charset=utf-8'),
        file('c', Buffer.from([0, 1, 2, 0xff]), 'bogus type'),
      ]),
    );
    expect(res.status).to.equal(201);
    expect((res.body as Intake).files.map((f) => f.mediaType)).to.deep.equal([
      'image/png',
      'text/markdown',
      'application/octet-stream',
    ]);
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413, leaving nothing', async () => {
    const exact = randomBytes(LIMIT);
    const ok = await fx.post(multipart([title(), file('exact.bin', exact)]));
    expect(ok.status).to.equal(201);
    expect((ok.body as Intake).files[0]?.size).to.equal(LIMIT);
    const blobsBefore = fx.blobFiles();
    const tooBig = await fx.post(
      multipart([title(), file('small.bin', 'x'), file('big.bin', randomBytes(LIMIT + 1))]),
    );
    expect(tooBig.status, JSON.stringify(tooBig.body)).to.equal(413);
    expect(codeOf(tooBig)).to.equal('FILE_TOO_LARGE');
    expect(fx.blobFiles()).to.deep.equal(blobsBefore); // small.bin was committed, then released
  });

  const refusals: [string, () => Buffer, number, string][] = [
    [
      'an empty file',
      () => multipart([title(), file('a.txt', 'a'), file('empty.txt', '')]),
      400,
      'EMPTY_FILE',
    ],
    ['no files', () => multipart([title()]), 400, 'NO_FILES'],
    [
      'a file input left empty',
      () => multipart([title(), file('', '', 'application/octet-stream')]),
      400,
      'NO_FILES',
    ],
    [
      'too many files',
      () => multipart([title(), ...['1', '2', '3', '4'].map((n) => file(`${n}.txt`, n))]),
      400,
      'TOO_MANY_FILES',
    ],
    [
      'a file under another field name',
      () => multipart([title(), { name: 'file', filename: 'a.txt', value: 'a' }]),
      400,
      'UNEXPECTED_FIELD',
    ],
    [
      'an unexpected text field',
      () => multipart([title(), { name: 'owner', value: 'x' }, file('a.txt', 'a')]),
      400,
      'UNEXPECTED_FIELD',
    ],
    [
      'a title sent twice',
      () => multipart([title(), title(), file('a.txt', 'a')]),
      400,
      'UNEXPECTED_FIELD',
    ],
    ['a missing title', () => multipart([file('a.txt', 'a')]), 400, 'MISSING_TITLE'],
    [
      'a blank title',
      () => multipart([title(' \u3000 '), file('a.txt', 'a')]),
      400,
      'MISSING_TITLE',
    ],
    // A tab is a control character: refused, not trimmed away (docs/SECURITY.md).
    [
      'a title of a tab',
      () => multipart([title(' \t '), file('a.txt', 'a')]),
      400,
      'INVALID_FIELD',
    ],
    [
      'a 201-character title',
      () => multipart([title('题'.repeat(201)), file('a.txt', 'a')]),
      400,
      'FIELD_TOO_LONG',
    ],
    [
      'a 4001-character description',
      () =>
        multipart([title(), { name: 'description', value: 'd'.repeat(4001) }, file('a.txt', 'a')]),
      400,
      'FIELD_TOO_LONG',
    ],
    [
      'a field over maxFieldBytes',
      () =>
        multipart([title(), { name: 'description', value: '长'.repeat(6000) }, file('a.txt', 'a')]),
      400,
      'FIELD_TOO_LONG',
    ],
  ];
  for (const [what, body, status, code] of refusals) {
    it(`refuses ${what}: ${status} ${code}, no blob left`, async () => {
      const before = fx.blobFiles();
      const res = await fx.post(body());
      expect([res.status, codeOf(res)], JSON.stringify(res.body)).to.deep.equal([status, code]);
      expect(fx.blobFiles()).to.deep.equal(before);
    });
  }

  const badNames: [string, string][] = [
    ['a slash', `form-data; name="files"; filename="a/b"`],
    ['a backslash', `form-data; name="files"; filename*=utf-8''a%5Cb`],
    ['a control character', `form-data; name="files"; filename*=utf-8''a%01b`],
    ['DEL', `form-data; name="files"; filename*=utf-8''a%7Fb`],
    ['a C1 control (NEL)', `form-data; name="files"; filename*=utf-8''a%C2%85b`],
    ['a newline (WHATWG-escaped)', `form-data; name="files"; filename="a%0Ab"`],
    ['NUL', `form-data; name="files"; filename*=utf-8''a%00b`],
    ['malformed UTF-8', `form-data; name="files"; filename*=utf-8''a%FFb`],
    ['a raw BEL byte (as browsers send it)', `form-data; name="files"; filename="a\u0007b.txt"`],
    ['a raw DEL byte', `form-data; name="files"; filename="a\u007fb.txt"`],
    ['a bidi override', `form-data; name="files"; filename="a\u202Egpj.exe"`],
    ['256 UTF-8 bytes', `form-data; name="files"; filename="${'a'.repeat(252)}.pdf"`],
    ['".."', `form-data; name="files"; filename=".."`],
  ];
  for (const [what, disposition] of badNames) {
    it(`refuses a file name with ${what}: 400 INVALID_FILE_NAME`, async () => {
      const res = await fx.post(multipart([title(), { name: 'files', disposition, value: 'abc' }]));
      expect([res.status, codeOf(res)]).to.deep.equal([400, 'INVALID_FILE_NAME']);
    });
  }

  it('accepts a 255-byte Chinese name and NFC-normalises names', async () => {
    const long = '合'.repeat(85); // 255 UTF-8 bytes
    const decomposed = 'e\u0301.txt'; // NFD é
    const res = await fx.post(multipart([title(), file(long, 'a'), file(decomposed, 'b')]));
    expect(res.status).to.equal(201);
    expect((res.body as Intake).files.map((f) => f.name)).to.deep.equal([long, '\u00e9.txt']);
  });

  const malformed: [string, () => Buffer, string?][] = [
    ['garbage', () => Buffer.from('this is not multipart at all')],
    [
      'a truncated closing boundary',
      () => multipart([title(), file('a.txt', 'abc')]).subarray(0, -8),
    ],
    [
      'a body cut inside a file',
      () => multipart([title(), file('a.txt', randomBytes(50 * KiB))]).subarray(0, 30 * KiB),
    ],
    [
      'a malformed part header',
      () =>
        Buffer.from(`--huicun-test-boundary-7d3a\r\nContent-Disposition form-data\r\n\r\nx\r\n`),
    ],
    [
      'a raw control byte in a header other than Content-Disposition',
      () =>
        Buffer.concat([
          Buffer.from(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a"\r\n`,
          ),
          Buffer.from(`Content-Type: text/pl\u0001ain\r\n\r\nx\r\n--${BOUNDARY}--\r\n`),
        ]),
    ],
    [
      'no boundary parameter',
      () => multipart([title(), file('a.txt', 'a')]),
      'multipart/form-data',
    ],
    ['JSON instead of multipart', () => Buffer.from('{"title":"x"}'), 'application/json'],
  ];
  for (const [what, body, type] of malformed) {
    it(`refuses ${what}: 400 INVALID_MULTIPART`, async () => {
      const before = fx.blobFiles();
      const res = await fx.post(body(), '/deposits', type);
      expect([res.status, codeOf(res)]).to.deep.equal([400, 'INVALID_MULTIPART']);
      expect(fx.blobFiles()).to.deep.equal(before);
    });
  }
});
