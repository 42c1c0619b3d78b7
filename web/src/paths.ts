/**
 * The app's paths: each pattern and the name of the page it shows (`routes.ts` gives the page of
 * each name; main.ts shows the not-found page for a path no pattern matches). Pure data, so tests
 * match paths without a DOM.
 * @module
 */

/** The patterns in order: the first that matches wins (`/deposits/new` before `/deposits/…`). */
export const PATHS = [
  [/^\/$/, 'home'],
  [/^\/login$/, 'login'],
  [/^\/register$/, 'register'],
  [/^\/deposits$/, 'deposits'],
  [/^\/deposits\/new$/, 'new-deposit'],
  [/^\/deposits\/([^/]+)$/, 'deposit'],
  [/^\/notary$/, 'notary-queue'],
  [/^\/notary\/applications\/([^/]+)$/, 'notary-review'],
  [/^\/notary\/counter$/, 'notary-counter'],
  [/^\/claim$/, 'claim'],
  [/^\/judge$/, 'judge'],
  [/^\/verify$/, 'verify'],
  [/^\/verify\/certificate$/, 'verify-certificate'],
  [/^\/help$/, 'help'],
  [/^\/admin$/, 'admin'],
  [/^\/account$/, 'account'],
  [/^\/log$/, 'public-log'],
] as const satisfies readonly (readonly [RegExp, string])[];

/** The name of a page a path can show. */
export type PageName = (typeof PATHS)[number][1];

/** The page `path` shows and the path's captured parts, decoded; undefined when none matches. */
export function matchPath(path: string): { name: PageName; params: string[] } | undefined {
  for (const [pattern, name] of PATHS) {
    const m = pattern.exec(path);
    if (m) return { name, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}
