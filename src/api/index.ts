/**
 * The shapes of the HTTP API's JSON, defined once: the server's views build them and the web app
 * reads them (`import type`). Type-only, so importing it costs a bundle nothing.
 * @module
 */
export type * from './types.js';
