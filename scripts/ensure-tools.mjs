#!/usr/bin/env node
/**
 * Makes sure the system tools a test command needs are on this machine, so that a fresh clone's
 * `npm test` (and `npm run test:interop`, `npm run test:e2e`, `npm run bench:web`) works with
 * nothing but Node and npm installed beforehand.
 *
 *   node scripts/ensure-tools.mjs pdf|interop|browser …
 *
 * Nothing missing: silent. Something missing, as root on Debian: one line saying what is being
 * installed and why, then `apt-get update` + `apt-get install` (their output goes to a log file,
 * shown only when they fail). Anywhere else: it stops (exit 1) with the exact command to run.
 * Never a silent skip. Plain JavaScript, so it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** @typedef {{ cmd?: string, path?: string, font?: string, pkg: string }} Need */
/** @type {Record<string, { why: string, needs: Need[] }>} */
const GROUPS = {
  pdf: {
    why: 'the certificate and digest tests (npm test)',
    needs: [
      ...['pdftotext', 'pdfsig', 'pdfdetach', 'pdffonts', 'pdftoppm', 'pdfinfo'].map((cmd) => ({
        cmd,
        pkg: 'poppler-utils',
      })),
      { cmd: 'zbarimg', pkg: 'zbar-tools' },
      { cmd: 'certutil', pkg: 'libnss3-tools' },
      { cmd: 'qpdf', pkg: 'qpdf' },
      { cmd: 'mutool', pkg: 'mupdf-tools' },
      { cmd: 'gs', pkg: 'ghostscript' },
      { cmd: 'openssl', pkg: 'openssl' },
      // PDFBox preflight (test/certificate/tools.ts), on a Java runtime
      { cmd: 'java', pkg: 'default-jre-headless' },
      ...['preflight', 'pdfbox2', 'xmpbox'].map((j) => ({
        path: `/usr/share/java/${j}.jar`,
        pkg: 'libpdfbox2-java',
      })),
      { path: '/usr/share/java/fontbox2.jar', pkg: 'libfontbox2-java' },
      { path: '/usr/share/java/commons-logging.jar', pkg: 'libcommons-logging-java' },
      { path: '/usr/share/java/javax.activation.jar', pkg: 'libactivation-java' },
      { path: '/usr/share/java/jaxb-api.jar', pkg: 'libjaxb-api-java' },
    ],
  },
  interop: {
    why: "the interop test against Go's golang.org/x/mod (npm run test:interop)",
    needs: [
      { cmd: 'go', pkg: 'golang-go' },
      { path: '/usr/share/gocode/src/golang.org/x/mod/sumdb/note', pkg: 'golang-golang-x-mod-dev' },
      { path: '/usr/share/gocode/src/golang.org/x/mod/sumdb/tlog', pkg: 'golang-golang-x-mod-dev' },
    ],
  },
  browser: {
    why: 'the browser tests (npm run test:e2e, npm run bench:web)',
    needs: [
      { path: '/usr/bin/chromium', pkg: 'chromium' },
      { font: 'zh', pkg: 'fonts-noto-cjk' },
    ],
  },
};

/** True when `cmd` is an executable file in a folder of PATH. */
function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** True when fontconfig knows a font for language `lang` (false without fontconfig). */
function hasFont(lang) {
  const r = spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/** @param {Need} need */
function present(need) {
  if (need.cmd) return onPath(need.cmd);
  if (need.path) return existsSync(need.path);
  if (need.font) return hasFont(need.font);
  return false;
}

function describe(need) {
  return need.cmd ?? need.path ?? `a font for :lang=${need.font}`;
}

const isDebian = () => existsSync('/etc/debian_version') && onPath('apt-get') && onPath('dpkg');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function main(names) {
  if (names.length === 0 || names.some((n) => !(n in GROUPS))) {
    console.error(`usage: node scripts/ensure-tools.mjs ${Object.keys(GROUPS).join('|')} …`);
    return 2;
  }
  const missing = names.flatMap((n) => GROUPS[n].needs.filter((need) => !present(need)));
  if (missing.length === 0) return 0;
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  const why = names.map((n) => GROUPS[n].why).join('; ');
  const what = missing.map(describe).join(', ');
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;

  if (!isDebian()) {
    console.error(
      `ensure-tools: ${why} need ${what}, which this machine lacks.\n` +
        `On Debian or Ubuntu, as root: ${command}\n` +
        `Elsewhere, install the equivalents of these Debian packages: ${pkgs.join(', ')}.`,
    );
    return 1;
  }
  if (!isRoot()) {
    console.error(
      `ensure-tools: ${why} need ${what}, which this machine lacks. Install them with:\n` +
        `  sudo sh -c '${command}'`,
    );
    return 1;
  }

  const log = join(mkdtempSync(join(tmpdir(), 'huicun-apt-')), 'apt.log');
  console.log(`ensure-tools: installing ${pkgs.join(' ')} for ${why} (apt-get; log: ${log})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  let out = '';
  for (const args of [
    ['-q', ...lock, 'update'],
    ['-q', '-y', ...lock, 'install', '--no-install-recommends', ...pkgs],
  ]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 256 << 20 });
    out += `$ apt-get ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`;
    writeFileSync(log, out);
    if (r.status !== 0) {
      console.error(
        `ensure-tools: apt-get ${args.at(-1) === 'update' ? 'update' : 'install'} failed:`,
      );
      console.error(out.split('\n').slice(-25).join('\n'));
      console.error(`ensure-tools: run it yourself: ${command}`);
      return 1;
    }
  }
  const still = missing.filter((need) => !present(need));
  if (still.length > 0) {
    console.error(`ensure-tools: still missing after apt-get: ${still.map(describe).join(', ')}`);
    console.error(readFileSync(log, 'utf8').split('\n').slice(-15).join('\n'));
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
