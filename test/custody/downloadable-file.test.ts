import { expect } from 'chai';
import { DepositError } from '../../src/evidence/errors.js';
import type { FileItem } from '../../src/evidence/opening.js';
import type { DepositRecord } from '../../src/evidence/records.js';
import { DepositService } from '../../src/evidence/service.js';
import { openTestLog, tempDir, testKey } from '../helpers/log-fixture.js';

const pdf: FileItem = {
  name: '合同.pdf',
  size: 3,
  mediaType: 'application/pdf',
  sha256: 'ab'.repeat(32),
};
const svg: FileItem = {
  name: 'a.svg',
  size: 2,
  mediaType: 'image/svg+xml',
  sha256: 'cd'.repeat(32),
};

describe('evidence/service: which file a download sends', () => {
  let tmp: ReturnType<typeof tempDir>;
  let log: Awaited<ReturnType<typeof openTestLog>>;
  let deposits: DepositService;

  const make = async (method: 'upload' | 'hash-only'): Promise<DepositRecord> =>
    (
      await deposits.create({
        title: method,
        description: '',
        method,
        files: [pdf, svg],
        owner: 'u_0000000000000001',
        depositor: {
          account: 'u_0000000000000001',
          name: '张三',
          idMasked: '',
          verification: 'self-declared',
        },
      })
    ).record;

  beforeEach(async () => {
    tmp = tempDir();
    log = await openTestLog(tmp.dir);
    deposits = new DepositService({ sequencer: log.log, records: log.store, vkey: testKey.vkey });
  });
  afterEach(async () => {
    await log.close().catch(() => undefined);
    tmp.remove();
  });

  it('names the blob, name and type of file n, and whether it may be shown inline', async () => {
    const record = await make('upload');
    expect(deposits.downloadableFile(record, 0)).to.deep.equal({ ...pdf, n: 0, preview: 'pdf' });
    expect(deposits.downloadableFile(record, 1)).to.deep.equal({
      ...svg,
      n: 1,
      preview: undefined,
    });
  });

  it('refuses a file the deposit does not have: FILE_NOT_FOUND', async () => {
    const record = await make('upload');
    expect(() => deposits.downloadableFile(record, 2))
      .to.throw(DepositError)
      .with.property('code', 'FILE_NOT_FOUND');
  });

  it('refuses every file of a hash-only deposit: it holds only digests', async () => {
    const record = await make('hash-only');
    expect(() => deposits.downloadableFile(record, 0))
      .to.throw(DepositError, /hash-only/)
      .with.property('code', 'FILE_NOT_FOUND');
  });
});
