/**
 * Every custody event has a right label in Chinese and English (issue 12 point 8): a read names
 * what was read — a notary's download of the notarial certificate is 下载公证证明, not the
 * 签发证书文件 of the document event — and each event falls under one filter of the trail.
 */
import { expect } from 'chai';
import { CUSTODY_EVENTS } from '../../src/custody/index.js';
import { texts } from '../../web/src/texts.js';
import { TRAIL_FILTERS, trailLabel } from '../../web/src/ui/trail-messages.js';

const table: Readonly<Record<string, readonly [string, string]>> = texts;

/** The label of an event in both languages, placeholders filled. */
function label(event: string, detail?: unknown): [string, string] {
  const { key, vars } = trailLabel(event, detail);
  const pair = table[key];
  expect(pair, `no text for ${key}`).to.not.equal(undefined);
  const fill = (s: string): string =>
    s.replace(/\{(\w+)\}/g, (m, name: string) =>
      vars[name] === undefined ? m : String(vars[name]),
    );
  return [fill(pair![0]), fill(pair![1])];
}

describe('custody trail labels (web)', () => {
  /** Each event with the details it is recorded with (src/custody, src/certificate). */
  const cases: [string, unknown][] = [
    ...CUSTODY_EVENTS.map((e): [string, unknown] => [e, undefined]),
    ['viewed', { resource: 'details', access: { via: 'share', shareId: 's' } }],
    ['viewed', { resource: 'receipt' }],
    ['viewed', { resource: 'certificate', certificate: 'deposit' }],
    ['viewed', { resource: 'certificate', certificate: 'notarial' }],
    ['viewed', { resource: 'certificate' }], // recorded before certificates were named
    ['downloaded', { file: 0, name: '合同.pdf', sha256: 'ab' }],
    ['downloaded', { file: 2 }], // a non-owner: the name is withheld
    ['certificate-issued', { kind: 'deposit', number: 'HC-1', version: 2, sha256: 'ab' }],
    ['certificate-issued', { kind: 'notarial', number: 'NC1', version: 1, sha256: 'ab' }],
    ['certificate-issued', { kind: 'report', number: 'R1', version: 1, sha256: 'ab' }],
  ];

  it('has a Chinese and an English label for every event and resource, placeholders filled', () => {
    for (const [event, detail] of cases) {
      const what = `${event} ${JSON.stringify(detail)}`;
      const [zhText, enText] = table[trailLabel(event, detail).key]!;
      expect(zhText, what).to.match(/\p{Script=Han}/u);
      expect(enText, what)
        .to.match(/[A-Za-z]/)
        .and.not.match(/\p{Script=Han}/u);
      for (const text of label(event, detail)) expect(text, what).to.not.match(/\{\w+\}/);
    }
  });

  it('names what a read read: the notarial certificate download is 下载公证证明', () => {
    expect(label('viewed', { resource: 'certificate', certificate: 'notarial' })).to.deep.equal([
      '下载公证证明',
      'Downloaded the notarial certificate',
    ]);
    expect(label('viewed', { resource: 'details' })[0]).to.equal('查看存证详情');
    expect(label('downloaded', { file: 0, name: '合同.pdf' })[0]).to.equal('下载文件“合同.pdf”');
    expect(label('downloaded', { file: 2 })[1]).to.equal('Downloaded file 3');
    expect(label('certificate-issued', { kind: 'deposit', version: 2 })[0]).to.equal(
      '生成存证证书 PDF（第 2 版）',
    );
    const documents = cases.filter(([e]) => e === 'certificate-issued');
    for (const [event, detail] of documents)
      expect(label(event, detail)[0]).to.not.equal('签发证书文件');
    // reads of different things read differently
    const reads = cases
      .filter(([e, d]) => e === 'viewed' && d !== undefined)
      .map(([e, d]) => label(e, d)[0]);
    expect(new Set(reads).size).to.equal(reads.length);
  });

  it('puts every event under exactly one filter of the trail', () => {
    const [all, ...groups] = TRAIL_FILTERS;
    expect(all![1]).to.deep.equal([]);
    const listed = groups.flatMap(([, events]) => events);
    expect([...listed].sort()).to.deep.equal([...CUSTODY_EVENTS].sort());
    for (const [key] of TRAIL_FILTERS) expect(table[key], key).to.have.length(2);
  });
});
