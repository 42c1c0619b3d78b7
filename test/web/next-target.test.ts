/**
 * The `next` target of a sign-in (web/src/pages/role-home.ts) is a path of this origin or the
 * role's start page: a crafted `?next=` cannot send the person signing in elsewhere.
 */
import { expect } from 'chai';
import { ROLE_HOME, nextTarget } from '../../web/src/pages/role-home.js';

const target = (next: string | undefined): string =>
  nextTarget(new URLSearchParams(next === undefined ? '' : { next }), '/home');

describe('web app: the `next` redirect guard of a sign-in', () => {
  it('keeps a relative path of this origin, with its query and fragment', () => {
    expect(target('/deposits')).to.equal('/deposits');
    expect(target('/deposits/HC-1?tab=files#top')).to.equal('/deposits/HC-1?tab=files#top');
    expect(target('/notary/applications/a%2Fb')).to.equal('/notary/applications/a%2Fb');
  });

  it('falls back without a target', () => {
    expect(target(undefined)).to.equal('/home');
    expect(target('')).to.equal('/home');
  });

  it('refuses another origin and any scheme', () => {
    for (const next of [
      '//evil.example',
      '//evil.example/deposits',
      'https://evil.example/',
      'http:/evil.example',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'deposits',
      ' /deposits',
    ])
      expect(target(next), next).to.equal('/home');
  });

  it('refuses backslashes and control characters, which browsers read as `//`', () => {
    for (const next of ['/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil'])
      expect(target(next), JSON.stringify(next)).to.equal('/home');
  });

  it('starts each role on its own page', () => {
    expect(ROLE_HOME).to.deep.equal({
      depositor: '/deposits',
      notary: '/notary',
      judge: '/judge',
      admin: '/admin',
    });
  });
});
