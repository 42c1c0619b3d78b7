import { expect } from 'chai';
import { AccountError } from '../../src/accounts/errors.js';
import { LoginThrottle, RateLimiter } from '../../src/accounts/throttle.js';

function waitOf(fn: () => void): number | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).to.be.instanceOf(AccountError);
    return (e as AccountError).details?.retryAfter as number;
  }
}

describe('accounts: login back-off and rate limits', () => {
  it('lets 5 failures through, then waits 2^(n-5) s after the last failure, capped at 15 min', () => {
    let now = 1_000_000;
    const t = new LoginThrottle({ enabled: true, now: () => now });
    const keys = ['acct:alice'];
    for (let i = 0; i < 5; i++) {
      t.check(keys);
      t.fail(keys);
    }
    const expected = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900];
    for (const seconds of expected) {
      expect(waitOf(() => t.check(keys))).to.equal(seconds);
      now += seconds * 1000 - 1;
      expect(waitOf(() => t.check(keys))).to.equal(1);
      now += 1;
      t.check(keys);
      t.fail(keys);
    }
    expect(() => t.check(keys))
      .to.throw(AccountError)
      .with.property('code', 'LOGIN_THROTTLED');
  });

  it('forgets failures after a quiet window and on reset; the address key is separate', () => {
    let now = 0;
    const t = new LoginThrottle({ enabled: true, now: () => now });
    for (let i = 0; i < 5; i++) t.fail(['acct:bob', 'ip:1.2.3.4']);
    expect(waitOf(() => t.check(['acct:bob']))).to.equal(1);
    expect(waitOf(() => t.check(['acct:carol', 'ip:1.2.3.4']))).to.equal(1);
    expect(waitOf(() => t.check(['acct:carol', 'ip:5.6.7.8']))).to.equal(undefined);
    t.reset('acct:bob');
    expect(waitOf(() => t.check(['acct:bob']))).to.equal(undefined);
    expect(waitOf(() => t.check(['ip:1.2.3.4']))).to.equal(1);
    now += 15 * 60_000 + 1;
    expect(waitOf(() => t.check(['ip:1.2.3.4']))).to.equal(undefined);
    t.fail(['ip:1.2.3.4']); // counts from 1 again
    expect(waitOf(() => t.check(['ip:1.2.3.4']))).to.equal(undefined);
  });

  it('stays bounded, dropping the oldest keys', () => {
    const t = new LoginThrottle({ enabled: true, maxTracked: 100 });
    for (let i = 0; i < 1000; i++) t.fail([`acct:user${i}`]);
    expect(t.tracked).to.equal(100);
  });

  it('does nothing when limits are off', () => {
    const t = new LoginThrottle({ enabled: false });
    for (let i = 0; i < 50; i++) t.fail(['acct:x']);
    t.check(['acct:x']);
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
