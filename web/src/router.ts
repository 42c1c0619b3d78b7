/**
 * History-API routing: paths map to pages; links inside the app navigate without a reload.
 * @module
 */
import type { TextKey } from './i18n.js';
import type { Role } from './types.js';

/** What a page gets to render into. */
export interface View {
  /** The element the page fills (detached when the person navigates away). */
  readonly main: HTMLElement;
  /** The path's captured parts. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** Whether the page is still the one shown (async work checks before writing). */
  alive(): boolean;
}

export interface Page {
  /** A short name (also `data-page` on `<html>`: tests and the benchmark wait for it). */
  readonly name: string;
  /** The document title's key. */
  readonly title: TextKey;
  /** Roles that may open the page; absent: anyone. */
  readonly roles?: readonly Role[];
  render(view: View): void | Promise<void>;
}

export interface Route {
  readonly pattern: RegExp;
  readonly page: Page;
}

/** The route matching `path`, with its captured parts. */
export function match(
  routes: readonly Route[],
  path: string,
): { page: Page; params: string[] } | undefined {
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) return { page: r.page, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

let navigateHandler: ((path: string, replace: boolean) => void) | undefined;

/** Installs the app's navigation handler (main.ts). */
export function onNavigate(handler: (path: string, replace: boolean) => void): void {
  navigateHandler = handler;
}

/** Goes to `path` inside the app (`replace`: without a new history entry). */
export function navigate(path: string, replace = false): void {
  if (navigateHandler) navigateHandler(path, replace);
  else location.assign(path);
}
