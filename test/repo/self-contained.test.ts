/**
 * A fresh clone has nothing beside it: no code, test or script may read the reference folder the
 * maintainers keep next to the repository, and the test commands install the system tools they
 * need (scripts/ensure-tools.mjs) instead of assuming them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', 'storage', 'certs', 'build-check', 'tmp']);
const TEXT = /\.(ts|mts|mjs|js|json|sh|go|html|css|md|txt)$|^run$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

describe('the repository is self-contained', () => {
  it('no file outside CHANGELOG.md refers to the folder beside the repository', () => {
    // built from pieces so that this file does not match itself
    const outside = new RegExp(
      ['\\.\\./', 'shared/', '|/work/', 'shared|', 'shared/', 'vectors'].join(''),
    );
    const offenders = [...files(ROOT)]
      .map((p) => relative(ROOT, p))
      .filter((p) => p !== 'CHANGELOG.md')
      .filter((p) => outside.test(readFileSync(join(ROOT, p), 'utf8')));
    expect(offenders).to.deep.equal([]);
  });

  it("comments cite the project's own docs/, not a design file outside the repository", () => {
    // built from pieces so that this file does not match itself
    const outside = new RegExp(['DESIGN', '\\s*§'].join(''));
    const offenders = [...files(ROOT)]
      .map((p) => relative(ROOT, p))
      .filter((p) => p !== 'CHANGELOG.md')
      .filter((p) => outside.test(readFileSync(join(ROOT, p), 'utf8')));
    expect(offenders).to.deep.equal([]);
  });

  it('every test command that needs system tools makes sure of them first', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.test).to.match(/^node scripts\/ensure-tools\.mjs pdf && /);
    expect(scripts['test:interop']).to.match(/^node scripts\/ensure-tools\.mjs interop && /);
    expect(scripts['test:e2e']).to.match(/^node scripts\/ensure-tools\.mjs browser && /);
    expect(scripts['bench:web']).to.match(/^node scripts\/ensure-tools\.mjs browser && /);
  });

  it('ensure-tools is silent when everything is there and refuses an unknown group', () => {
    const script = join(ROOT, 'scripts/ensure-tools.mjs');
    const ok = spawnSync(process.execPath, [script, 'pdf'], { encoding: 'utf8' });
    expect({ status: ok.status, out: ok.stdout + ok.stderr }).to.deep.equal({ status: 0, out: '' });
    const bad = spawnSync(process.execPath, [script, 'pdf', 'nonsense'], { encoding: 'utf8' });
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.contain('usage: node scripts/ensure-tools.mjs pdf|interop|browser');
  });
});
