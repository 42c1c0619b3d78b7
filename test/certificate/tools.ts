/**
 * Runs the Debian PDF tools the certificate tests check with: poppler-utils, zbar-tools,
 * libnss3-tools, qpdf, mupdf-tools (mutool), ghostscript (gs), and PDFBox preflight
 * (libpdfbox2-java with libactivation-java and libjaxb-api-java, on Java 17).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `cmd` and returns its output; throws with stderr when `check` and it fails. */
export function run(
  cmd: string,
  args: readonly string[],
  check = true,
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  const out = { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  if (check && out.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return out;
}

/** pdftotext of pages `first`…`last` (all by default), layout kept. */
export function pdfText(path: string, first?: number, last?: number): string {
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-']).stdout;
}

/** Number of pages (pdfinfo). */
export function pageCount(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]).stdout)?.[1]);
}

/** `pdfsig` output, optionally with an NSS database. */
export function pdfsig(path: string, nssdir?: string): string {
  return run('pdfsig', [...(nssdir ? ['-nssdir', `sql:${nssdir}`] : []), path], false).stdout;
}

/** An NSS database in `dir` trusting `caPem` for signing. */
export function nssTrusting(dir: string, caPem: string): string {
  mkdirSync(dir, { recursive: true });
  run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  run('certutil', [
    '-A',
    '-d',
    `sql:${dir}`,
    '-n',
    'huicun-test-notary-ca',
    '-t',
    'CT,C,C',
    '-i',
    caPem,
  ]);
  return dir;
}

/** Decodes the QR codes on page `page` (rendered at 200 dpi) with zbarimg. */
export function qrCodes(path: string, dir: string, page = 1): string[] {
  const prefix = join(dir, `qr-${page}`);
  run('pdftoppm', [
    '-r',
    '200',
    '-f',
    String(page),
    '-l',
    String(page),
    '-png',
    '-singlefile',
    path,
    prefix,
  ]);
  return run('zbarimg', ['-q', '--raw', `${prefix}.png`])
    .stdout.split('\n')
    .filter(Boolean);
}

/** Writes `bytes` to `dir/name` and returns the path. */
export function save(dir: string, name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Output lines of a strict check that are not what a clean file gives: empty means clean. */
export interface StrictReport {
  readonly status: number;
  readonly complaints: readonly string[];
}

const lines = (...texts: string[]): string[] =>
  texts
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** `qpdf --check`: every line but the summary and the file facts is a complaint. */
export function qpdfCheck(path: string): StrictReport {
  const r = run('qpdf', ['--check', path], false);
  const expected = [
    /^checking /,
    /^PDF Version: /,
    /^File is not encrypted$/,
    /^File is not linearized$/,
    /^No syntax or stream encoding errors found; the file may still contain$/,
    /^errors that qpdf cannot detect$/,
  ];
  const out = lines(r.stdout, r.stderr);
  const complaints = out.filter((l) => !expected.some((e) => e.test(l)));
  if (!out.some((l) => l.startsWith('No syntax or stream encoding errors found')))
    complaints.push('qpdf did not report "No syntax or stream encoding errors found"');
  return { status: r.status, complaints };
}

/** Ghostscript reading every page with -dPDFSTOPONERROR: anything but the banner and page lines. */
export function ghostscriptCheck(path: string): StrictReport {
  const r = run(
    'gs',
    ['-dNOPAUSE', '-dBATCH', '-dSAFER', '-dPDFSTOPONERROR', '-sDEVICE=nullpage', path],
    false,
  );
  const expected = [
    /^GPL Ghostscript \S+ \(\d{4}-\d\d-\d\d\)$/,
    /^Copyright \(C\) \d{4} Artifex Software, Inc\.\s+All rights reserved\.$/,
    /^This software is supplied under the GNU AGPLv3 and comes with NO WARRANTY:$/,
    /^see the file COPYING for details\.$/,
    /^Processing pages 1 through \d+\.$/,
    /^Page \d+$/,
  ];
  return {
    status: r.status,
    complaints: lines(r.stdout, r.stderr).filter((l) => !expected.some((e) => e.test(l))),
  };
}

/**
 * `mutool sign -v`: the document must be unchanged since signing. mutool has no trust store
 * option, so "Self-signed certificate in chain" (our test CA) is the one expected remark.
 */
export function mutoolVerify(path: string): StrictReport {
  const r = run('mutool', ['sign', '-v', path], false);
  const expected = [
    /^Verifying signature \d+:$/,
    /^Distinguished name: /,
    /^Certificate error: Self-signed certificate in chain\.$/,
    /^The document is unchanged since signing\.$/,
  ];
  const out = lines(r.stdout, r.stderr);
  const complaints = out.filter((l) => !expected.some((e) => e.test(l)));
  if (!out.includes('The document is unchanged since signing.'))
    complaints.push('mutool did not report "The document is unchanged since signing."');
  return { status: r.status, complaints };
}

/** `pdfsig`: a valid signature, and no line on stderr (poppler's syntax warnings go there). */
export function pdfsigCheck(path: string): StrictReport {
  const r = run('pdfsig', [path], false);
  const complaints = lines(r.stderr);
  if (!r.stdout.includes('Signature Validation: Signature is Valid.'))
    complaints.push('pdfsig did not report "Signature is Valid."');
  return { status: r.status, complaints };
}

const JARS = [
  'preflight',
  'pdfbox2',
  'fontbox2',
  'xmpbox',
  'commons-logging',
  'javax.activation',
  'jaxb-api',
].map((j) => `/usr/share/java/${j}.jar`);

/**
 * Rules of PDF/A-1b that PDF/A-3b relaxes (ISO 19005-2/-3): embedded files, transparency,
 * CIDSet (optional from PDF/A-2), and the part number itself. PDFBox preflight checks only
 * PDF/A-1b, so these are its expected findings on a PDF/A-3 file; anything else is a defect.
 */
const PDFA1_ONLY = [
  /^1\.4\.7 : Trailer Syntax error, EmbeddedFile entry is present in the Names dictionary$/,
  /^1\.2\.9 : Body Syntax error, EmbeddedFile entry is present in a FileSpecification dictionary$/,
  /^4\.1\.2 : Transparency error, (CA|ca) entry in a ExtGState is invalid/,
  /^4\.1\.3 : Transparency error, BlendMode value isn't valid/,
  /^3\.1\.11 : Invalid Font definition, [A-Z]{6}\+NotoSansSC-\w+: The CIDSet entry is missing for the Composite Subset$/,
  /^7\.11\.2 : Error on MetaData, part must be 1$/,
];

/** PDFBox preflight (PDF/A-1b), less the PDF/A-1-only findings: what is left is a defect. */
export function preflightCheck(path: string): StrictReport {
  const r = run(
    'java',
    ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', path],
    false,
  );
  const out = lines(r.stdout, r.stderr);
  if (!/^The file .+ is (not )?a valid PDF\/A-1b file/.test(out[0] ?? ''))
    return { status: r.status, complaints: out.length ? out : ['preflight printed nothing'] };
  return {
    status: r.status,
    complaints: out.slice(1).filter((l) => !PDFA1_ONLY.some((e) => e.test(l))),
  };
}

/** The document's XMP packet (`pdfinfo -meta`). */
export function xmpOf(path: string): string {
  return run('pdfinfo', ['-meta', path]).stdout;
}

/** The Info dictionary as `pdfinfo -isodates` prints it: `Title`, `CreationDate`, … */
export function infoOf(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of run('pdfinfo', ['-isodates', path]).stdout.split('\n')) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(l);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** The words of page `page` with their boxes (`pdftotext -bbox`), top to bottom. */
export function wordsOf(
  path: string,
  page: number,
): { text: string; yMin: number; yMax: number }[] {
  const html = run('pdftotext', [
    '-bbox',
    '-f',
    String(page),
    '-l',
    String(page),
    path,
    '-',
  ]).stdout;
  const words = [
    ...html.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ];
  return words.map((m) => ({ text: m[3]!, yMin: Number(m[1]), yMax: Number(m[2]) }));
}
