/**
 * The one error base class (docs/SECURITY.md, "Errors"). Every domain declares a subclass with a
 * string-literal union of stable codes; `ErrorCode` in `src/http/errors.ts` is the union of
 * them all, and its one table gives each code its HTTP status (a new domain adds its union
 * there, and the compiler then asks for the statuses).
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
