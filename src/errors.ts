/**
 * The one error base class (DESIGN §12). Every domain declares a subclass with a string-literal
 * union of stable codes; `src/http/errors.ts` maps codes to HTTP statuses in one place.
 */
export class BaseError<Code extends string = string> extends Error {
  readonly code: Code;
  /** Extra, non-secret facts for the caller (e.g. expected and calculated roots). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: Code,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
  }
}
