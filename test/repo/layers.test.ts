/**
 * The folders of src/ form layers: no folder reaches, through its imports, a folder that imports
 * it back (a cycle makes neither one understandable, testable or movable alone). Top-level files
 * (src/server.ts, src/errors.ts, src/version.ts) are the root and the shared base, not layers.
 *
 * src/api is the one exception, on purpose: it is the API's contract, types only — the domains'
 * views build its shapes and it names the domains' small types (a role, a custody event) — so it
 * stands beside the layers, not in them. That holds only while nothing of it exists at run time:
 * the second test keeps every import to or from src/api `import type` / `export type`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
/** The type-only folder that stands beside the layers (see above). */
const CONTRACT = 'api';
/** Static and dynamic imports and re-exports of a relative path. */
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** The top-level folder of src/ that `path` is in, or undefined for a top-level file. */
function folderOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Folder → folder it imports → the files that do, e.g. `notary/service.ts → custody/access.js`. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sources(SRC)) {
    const from = folderOf(file);
    if (from === undefined) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), spec!);
      const to = folderOf(target);
      if (to === undefined || to === from || target.startsWith('..')) continue;
      if (from === CONTRACT || to === CONTRACT) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      const why = edges.get(to) ?? [];
      edges.set(to, why);
      why.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
    }
  }
  return graph;
}

/** The strongly connected components with more than one folder (Tarjan). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the folders of src/ form layers', () => {
  it('no two folders import each other, directly or through others', () => {
    const graph = folderGraph();
    const report = cycles(graph).map((component) =>
      component.flatMap((from) =>
        [...(graph.get(from) ?? [])]
          .filter(([to]) => component.includes(to))
          .flatMap(([, why]) => why),
      ),
    );
    expect(report).to.deep.equal([]);
  });

  it('src/api exists only for the type checker: every import to or from it is type-only', () => {
    const runtime: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      const inContract = folderOf(file) === CONTRACT;
      // Every import or re-export statement, up to its module specifier.
      for (const [statement, spec] of text.matchAll(
        /^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gms,
      )) {
        const touches = inContract || folderOf(resolve(dirname(file), spec!)) === CONTRACT;
        if (touches && !/^(?:import|export) type\b/.test(statement))
          runtime.push(`${relative(SRC, file)}: ${statement.split('\n')[0]}`);
      }
      if (inContract && /^export (?:const|function|class|let|enum)\b/m.test(text))
        runtime.push(`${relative(SRC, file)} declares a value`);
    }
    expect(runtime).to.deep.equal([]);
  });
});
