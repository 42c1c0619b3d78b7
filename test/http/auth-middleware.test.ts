import { expect } from 'chai';
import type { Request } from 'express';
import { AccountError } from '../../src/accounts/index.js';
import { currentUser, optionalUser } from '../../src/http/auth-middleware.js';

describe('http: auth middleware', () => {
  it('currentUser needs an authenticated request', () => {
    const anonymous = {} as Request;
    expect(optionalUser(anonymous)).to.equal(undefined);
    expect(() => currentUser(anonymous))
      .to.throw(AccountError)
      .with.property('code', 'AUTH_REQUIRED');
  });
});
