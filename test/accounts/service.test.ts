import { expect } from 'chai';
import { join } from 'node:path';
import { openAccounts } from '../../src/accounts/index.js';
import { openTestLog, tempDir } from '../helpers/log-fixture.js';

describe('accounts: service', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('matches a registered ID number by HMAC (claim codes), case-insensitively for x', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    try {
      const { service } = await openAccounts({
        store: t.store,
        log: t.log,
        certsDir: join(tmp.dir, 'certs'),
        issuer: 'http://x',
        production: false,
        rateLimits: false,
      });
      const dep = service.store.byUsername('demo-depositor')!;
      expect(service.matchesIdNumber(dep.id, '31010419900307123x')).to.equal(true);
      expect(service.matchesIdNumber(dep.id, '11010519491231002X')).to.equal(false);
      expect(
        service.matchesIdNumber(service.store.byUsername('demo-judge')!.id, '31010419900307123X'),
      ).to.equal(false);
      expect(service.matchesIdNumber('u_ffffffffffffffff', '31010419900307123X')).to.equal(false);
    } finally {
      await t.close();
    }
  });
});
