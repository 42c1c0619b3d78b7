/**
 * The web app's paths (web/src/paths.ts): each path shows its page, captured parts arrive
 * decoded, the first pattern that matches wins, and an unknown path matches nothing (main.ts
 * then shows the not-found page). Pure, so no DOM is needed.
 */
import { expect } from 'chai';
import { PATHS, matchPath } from '../../web/src/paths.js';

describe('web app: the router', () => {
  it('shows each path its page', () => {
    const expected: Record<string, string> = {
      '/': 'home',
      '/login': 'login',
      '/register': 'register',
      '/deposits': 'deposits',
      '/deposits/new': 'new-deposit',
      '/deposits/HC-2026-0001': 'deposit',
      '/notary': 'notary-queue',
      '/notary/applications/APP-1': 'notary-review',
      '/notary/counter': 'notary-counter',
      '/claim': 'claim',
      '/judge': 'judge',
      '/verify': 'verify',
      '/verify/certificate': 'verify-certificate',
      '/help': 'help',
      '/admin': 'admin',
      '/account': 'account',
      '/log': 'public-log',
    };
    for (const [path, name] of Object.entries(expected))
      expect(matchPath(path)?.name, path).to.equal(name);
    expect(new Set(PATHS.map(([, name]) => name)).size, 'one pattern per page').to.equal(
      PATHS.length,
    );
  });

  it('gives a page the decoded parts of its path, and none to a fixed path', () => {
    expect(matchPath('/deposits/HC-2026-0001')!.params).to.deep.equal(['HC-2026-0001']);
    expect(matchPath('/notary/applications/a%20b%2Fc')!.params).to.deep.equal(['a b/c']);
    expect(matchPath('/deposits/new')!.params).to.deep.equal([]);
    expect(matchPath('/')!.params).to.deep.equal([]);
  });

  it('takes the first pattern that matches: /deposits/new is the form, not a deposit', () => {
    expect(PATHS.findIndex(([, n]) => n === 'new-deposit')).to.be.lessThan(
      PATHS.findIndex(([, n]) => n === 'deposit'),
    );
    expect(matchPath('/deposits/new')!.name).to.equal('new-deposit');
  });

  it('matches nothing for an unknown path or a near miss', () => {
    for (const path of [
      '/nope',
      '',
      '/deposits/',
      '/deposits/a/b',
      '/login/',
      '/LOGIN',
      '/verify/x',
      '/notary/applications/',
    ])
      expect(matchPath(path), path).to.equal(undefined);
  });
});
