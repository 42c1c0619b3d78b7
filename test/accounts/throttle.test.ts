import { expect } from 'chai';
import { AccountError } from '../../src/accounts/errors.js';
import {
  ACCOUNT_THRESHOLD,
  ADDRESS_THRESHOLD,
  LoginThrottle,
  PAIR_THRESHOLD,
  RateLimiter,
} from '../../src/accounts/throttle.js';

/** The error of `fn`, or undefined when it goes through. */
function heldBy(fn: () => void): { code: string; retryAfter: number } | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).to.be.instanceOf(AccountError);
    const err = e as AccountError;
    return { code: err.code, retryAfter: err.details?.retryAfter as number };
  }
}

function waitOf(fn: () => void): number | undefined {
  return heldBy(fn)?.retryAfter;
}

describe('accounts: login back-off and rate limits', () => {
  it('lets 5 failures of one account from one address through, then waits 2^(n-5) s, capped at 15 min', () => {
    let now = 1_000_000;
    const t = new LoginThrottle({ enabled: true, now: () => now });
    const fail = (): void => void t.reserve('alice', '10.0.0.1'); // a reservation left unsucceeded is a failure
    for (let i = 0; i < PAIR_THRESHOLD; i++) fail();
    const expected = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900];
    for (const seconds of expected) {
      expect(heldBy(fail)).to.deep.equal({ code: 'LOGIN_THROTTLED', retryAfter: seconds });
      now += seconds * 1000 - 1;
      expect(waitOf(fail)).to.equal(1);
      now += 1;
      fail();
    }
    expect(waitOf(fail)).to.equal(900);
  });

  it('reserves synchronously: of 20 attempts started at once, exactly 5 get through', () => {
    const t = new LoginThrottle({ enabled: true, now: () => 0 });
    const outcomes = Array.from({ length: 20 }, () => heldBy(() => t.reserve('bob', '10.0.0.2')));
    expect(outcomes.filter((o) => o === undefined)).to.have.length(PAIR_THRESHOLD);
    expect(outcomes.filter((o) => o?.code === 'LOGIN_THROTTLED')).to.have.length(15);
  });

  it('never holds an address that has not failed on the account, however many others did', () => {
    const t = new LoginThrottle({ enabled: true, now: () => 0 });
    for (let i = 0; i < 50; i++) t.reserve('carol', `10.1.0.${i}`); // 50 addresses, one failure each
    expect(waitOf(() => t.reserve('carol', '10.2.0.1'))).to.equal(undefined); // clean: goes through
    // an address that failed before is held by the account-wide count
    expect(heldBy(() => t.reserve('carol', '10.1.0.7'))?.code).to.equal('LOGIN_THROTTLED_ACCOUNT');
  });

  it('holds the account-wide count only past its threshold', () => {
    const t = new LoginThrottle({ enabled: true, now: () => 0 });
    for (let i = 0; i < ACCOUNT_THRESHOLD - 1; i++) t.reserve('dave', `10.3.0.${i}`);
    t.reserve('dave', '10.3.0.0'); // the 10th failure, from an address that had failed once
    expect(heldBy(() => t.reserve('dave', '10.3.0.1'))).to.deep.equal({
      code: 'LOGIN_THROTTLED_ACCOUNT',
      retryAfter: 1,
    });
  });

  it("holds an address past its allowance only on accounts it failed, never a clean account's owner", () => {
    const t = new LoginThrottle({ enabled: true, now: () => 0 });
    for (let i = 0; i < ADDRESS_THRESHOLD; i++) t.reserve(`user${i}`, '10.9.9.9');
    expect(heldBy(() => t.reserve('user3', '10.9.9.9'))?.code).to.equal('LOGIN_THROTTLED_ADDRESS');
    expect(waitOf(() => t.reserve('owner', '10.9.9.9'))).to.equal(undefined);
    expect(waitOf(() => t.reserve('user3', '10.9.9.10'))).to.equal(undefined);
  });

  it("a success forgets the address's failures on the account and refunds its reservation", () => {
    const t = new LoginThrottle({ enabled: true, now: () => 0 });
    for (let i = 0; i < PAIR_THRESHOLD - 1; i++) t.reserve('erin', '10.4.0.1');
    t.reserve('erin', '10.4.0.1').succeeded();
    for (let i = 0; i < PAIR_THRESHOLD; i++) t.reserve('erin', '10.4.0.1');
    expect(heldBy(() => t.reserve('erin', '10.4.0.1'))?.code).to.equal('LOGIN_THROTTLED');
    // refunds: ADDRESS_THRESHOLD − 1 successes from one address leave its count where it was
    const u = new LoginThrottle({ enabled: true, now: () => 0 });
    u.reserve('f0', '10.5.0.1');
    for (let i = 0; i < 2 * ADDRESS_THRESHOLD; i++) u.reserve(`g${i}`, '10.5.0.1').succeeded();
    expect(waitOf(() => u.reserve('f0', '10.5.0.1'))).to.equal(undefined);
  });

  it('forgets failures after a quiet window', () => {
    let now = 0;
    const t = new LoginThrottle({ enabled: true, now: () => now });
    for (let i = 0; i < PAIR_THRESHOLD; i++) t.reserve('frank', '10.6.0.1');
    expect(waitOf(() => t.reserve('frank', '10.6.0.1'))).to.equal(1);
    now += 15 * 60_000 + 1;
    t.reserve('frank', '10.6.0.1'); // counts from 1 again
    expect(waitOf(() => t.reserve('frank', '10.6.0.1'))).to.equal(undefined);
  });

  it('stays bounded, dropping the oldest keys', () => {
    const t = new LoginThrottle({ enabled: true, maxTracked: 100 });
    for (let i = 0; i < 1000; i++) t.reserve(`user${i}`, `10.7.${i >> 8}.${i & 255}`);
    expect(t.tracked).to.equal(300);
  });

  it('does nothing when limits are off', () => {
    const t = new LoginThrottle({ enabled: false });
    for (let i = 0; i < 50; i++) t.reserve('x', '10.8.0.1');
    expect(t.tracked).to.equal(0);
    const r = new RateLimiter({ enabled: false, limit: 1, windowMs: 1000 });
    for (let i = 0; i < 50; i++) r.take('ip:x');
  });

  it('rate-limits per key per window with Retry-After', () => {
    let now = 0;
    const r = new RateLimiter({ enabled: true, limit: 20, windowMs: 3_600_000, now: () => now });
    for (let i = 0; i < 20; i++) r.take('ip:a');
    now = 600_000;
    expect(() => r.take('ip:a'))
      .to.throw(AccountError)
      .with.property('code', 'RATE_LIMITED');
    expect(waitOf(() => r.take('ip:a'))).to.equal(3000);
    r.take('ip:b');
    now = 3_600_000;
    r.take('ip:a');
  });
});
