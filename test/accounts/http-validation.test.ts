import { expect } from 'chai';
import { expectError, startAccountsServer, type AccountsServer, type Reply } from './fixture.js';

const registration = (username: string): Record<string, unknown> => ({
  username,
  password: 'a strong password',
  displayName: '李四',
  realName: '李四',
  idNumber: '31010419900307123X',
});

describe('accounts HTTP: strict request bodies', () => {
  let server: AccountsServer;
  before(async () => (server = await startAccountsServer()));
  after(async () => {
    await server.close();
    expect(server.errors).to.deep.equal([]);
  });

  it('validates the body strictly', async () => {
    const post = (body: unknown, raw?: string): Promise<Reply> =>
      server.call('POST', '/api/v1/auth/register', raw !== undefined ? { raw } : { body });
    expectError(
      await post({ ...registration('extra1'), role: 'admin' }),
      400,
      'UNKNOWN_FIELD',
      'role',
    );
    expectError(await post({ ...registration('extra2'), __proto__x: 1 }), 400, 'UNKNOWN_FIELD');
    expectError(
      await post(undefined, '{"__proto__":{"admin":true},"username":"proto1"}'),
      400,
      'UNKNOWN_FIELD',
      '__proto__',
    );
    expectError(await post([registration('arr1')]), 400, 'INVALID_BODY');
    expectError(await post(undefined, '"just a string"'), 400, 'INVALID_BODY');
    expectError(await post(undefined, '{bad json'), 400, 'INVALID_BODY');
    expectError(
      await server.call('POST', '/api/v1/auth/register', {
        raw: 'username=x',
        headers: { 'content-type': 'text/plain' },
      }),
      400,
      'INVALID_BODY',
    );
    expectError(await post({ ...registration('ab') }), 400, 'INVALID_FIELD', 'username');
    expectError(await post({ ...registration('has space') }), 400, 'INVALID_FIELD', 'username');
    expectError(await post({ ...registration('x'.repeat(33)) }), 400, 'INVALID_FIELD', 'username');
    expectError(
      await post({ ...registration('short1'), password: 'too short' }),
      400,
      'INVALID_FIELD',
      'password',
    );
    expectError(
      await post({ ...registration('blank1'), password: ' '.repeat(12) }),
      400,
      'PASSWORD_BLANK',
      'password',
    );
    expectError(
      await post({ ...registration('long1'), password: 'p'.repeat(257) }),
      400,
      'INVALID_FIELD',
      'password',
    );
    expectError(
      await post({ ...registration('type1'), displayName: 42 }),
      400,
      'INVALID_FIELD',
      'displayName',
    );
    expectError(
      await post({ ...registration('type2'), displayName: '  ' }),
      400,
      'INVALID_FIELD',
      'displayName',
    );
    expectError(
      await post({ ...registration('type3'), realName: 'x'.repeat(65) }),
      400,
      'FIELD_TOO_LONG',
      'realName',
    );
    expectError(
      await post({ ...registration('type4'), realName: 'a\u202eb' }),
      400,
      'INVALID_FIELD',
      'realName',
    );
    expectError(
      await post({ ...registration('type5'), displayName: '\ud800' }),
      400,
      'INVALID_FIELD',
      'displayName',
    );
    const noId = registration('noid1');
    delete noId.idNumber;
    expectError(await post(noId), 400, 'INVALID_FIELD', 'idNumber');
    const bad = await post({ ...registration('badid1'), idNumber: '310104199003071231' });
    expectError(bad, 400, 'INVALID_FIELD', 'idNumber');
    expect(bad.body.error.message).not.to.contain('310104');
  });
});
