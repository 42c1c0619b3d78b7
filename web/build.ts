/**
 * Builds the web application into `dist/web/` with esbuild (run by `npm run build`, so also by
 * `npm start`): the hashing worker, then the app (ES modules, split so that each page loads when
 * first shown and the verifier only on the pages that verify), the style sheet, and `index.html`
 * pointing at the hashed files and preloading the shell's chunks.
 * Everything is local: no CDN, no inline script or style (the Content-Security-Policy allows
 * neither).
 *
 * `node --import tsx web/build.ts` builds and prints the files with their gzipped sizes.
 * @module
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const WEB = dirname(fileURLToPath(import.meta.url));
/** Where the server looks for the built application (src/http/web-static.ts). */
export const WEB_OUT_DIR = join(WEB, '..', 'dist', 'web');

/** Browsers the bundle is written for (current evergreen ones). */
const TARGET = ['chrome109', 'edge109', 'firefox115', 'safari16'];

export interface BuiltFile {
  /** Path under the output folder, with `/` separators, e.g. `assets/main-ABC.js`. */
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface WebBuild {
  readonly outDir: string;
  readonly files: readonly BuiltFile[];
  /** The JavaScript a first page load fetches: the entry and the chunks it imports statically. */
  readonly firstLoadJs: readonly string[];
  readonly firstLoadJsGzipBytes: number;
}

/** The repository root: esbuild's working directory, to which the metafile's paths are relative. */
const ROOT = join(WEB, '..');

/** A metafile output path as a path under `outDir`, with `/` separators. */
function underOut(outDir: string, p: string): string {
  return relative(outDir, resolve(ROOT, p)).split('\\').join('/');
}

function outputsOf(meta: Metafile, outDir: string): string[] {
  return Object.keys(meta.outputs).map((p) => underOut(outDir, p));
}

/** The entry output and every chunk reachable through static imports. */
function staticClosure(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (p: string): void => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const imp of meta.outputs[p]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    }
  };
  visit(entry);
  return [...seen];
}

/**
 * Builds the application into `outDir` (emptied first).
 * @throws whatever esbuild throws for a source that does not compile.
 */
export async function buildWeb(
  options: { outDir?: string; minify?: boolean } = {},
): Promise<WebBuild> {
  const outDir = options.outDir ?? WEB_OUT_DIR;
  const minify = options.minify ?? true;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    minify,
    sourcemap: 'linked' as const,
    legalComments: 'linked' as const,
    target: TARGET,
    outdir: outDir,
    metafile: true as const,
    logLevel: 'warning' as const,
    absWorkingDir: ROOT,
  };

  // 1. the hashing worker (a classic script: every browser with workers runs it)
  const worker = await build({
    ...common,
    entryPoints: { 'hash-worker': join(WEB, 'src', 'hash-worker.ts') },
    entryNames: 'assets/[name]-[hash]',
    format: 'iife',
    platform: 'browser',
  });
  const workerPath = outputsOf(worker.metafile, outDir).find((p) => p.endsWith('.js'))!;

  // 2. the application and its style sheet
  const app = await build({
    ...common,
    entryPoints: { main: join(WEB, 'src', 'main.ts'), styles: join(WEB, 'src', 'styles.css') },
    entryNames: 'assets/[name]-[hash]',
    chunkNames: 'assets/chunk-[hash]',
    format: 'esm',
    splitting: true,
    platform: 'browser',
    define: { HUICUN_HASH_WORKER: JSON.stringify(`/${workerPath}`) },
  });
  const outputs = outputsOf(app.metafile, outDir);
  const mainJs = outputs.find((p) => /^assets\/main-[^/]+\.js$/.test(p))!;
  const css = outputs.find((p) => /^assets\/styles-[^/]+\.css$/.test(p))!;
  // the metafile names outputs relative to ROOT: find the entry's own name for it
  const mainKey = Object.keys(app.metafile.outputs).find((p) => underOut(outDir, p) === mainJs)!;
  const closure = staticClosure(app.metafile, mainKey)
    .map((p) => underOut(outDir, p))
    .filter((p) => p.endsWith('.js'));
  const absClosure = closure.length > 0 ? closure : [mainJs];

  // 3. static files and the page
  cpSync(join(WEB, 'public'), outDir, { recursive: true });
  const preload = absClosure
    .filter((p) => p !== mainJs)
    .map((p) => `<link rel="modulepreload" href="/${p}" />`)
    .join('\n    ');
  const html = readFileSync(join(WEB, 'index.html'), 'utf8')
    .replace('%CSS%', `/${css}`)
    .replace('%JS%', `/${mainJs}`)
    .replace('%PRELOAD%', preload);
  writeFileSync(join(outDir, 'index.html'), html);

  const all = [...outputsOf(worker.metafile, outDir), ...outputs, 'index.html', 'favicon.svg'];
  const files = [...new Set(all)].map((path) => {
    const bytes = readFileSync(join(outDir, path));
    return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const firstLoadJsGzipBytes = files
    .filter((f) => absClosure.includes(f.path))
    .reduce((n, f) => n + f.gzipBytes, 0);
  return { outDir, files, firstLoadJs: absClosure, firstLoadJsGzipBytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const result = await buildWeb();
  for (const f of result.files.filter(
    (x) => !x.path.endsWith('.map') && !x.path.endsWith('.txt'),
  )) {
    console.log(
      `${f.path.padEnd(44)} ${String(f.bytes).padStart(9)} B  ${String(f.gzipBytes).padStart(8)} B gzip`,
    );
  }
  console.log(
    `web: ${relative(process.cwd(), result.outDir) || '.'} in ${Date.now() - started} ms; first-load JS ${(result.firstLoadJsGzipBytes / 1024).toFixed(1)} KB gzip`,
  );
}
