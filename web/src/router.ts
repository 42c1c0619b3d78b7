/**
 * History-API routing: what a page is and how the app navigates without a reload (the paths and
 * their pages: paths.ts, routes.ts).
 * @module
 */
import type { TextKey } from './texts.js';
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
