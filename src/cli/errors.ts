/**
 * The CLI's "cannot even start" errors: usage or unreadable input, and an unreachable log.
 * Commands map both to exit 2 (DESIGN §10); a check that fails is exit 1, never one of these.
 */

/** Input the CLI cannot use (a missing file, a receipt that is not JSON, a bad vkey). */
export class InputError extends Error {}

/** A failure to talk to the log (unreachable, non-2xx, malformed answer). */
export class OnlineError extends Error {}
