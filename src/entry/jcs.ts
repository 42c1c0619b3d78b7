/**
 * RFC 8785 JSON Canonicalization Scheme for the values huicun signs and commits to: null,
 * booleans, finite numbers, well-formed strings, arrays and plain objects. Keys are sorted by
 * UTF-16 code units (RFC 8785 §3.2.3), numbers and strings serialised as ECMAScript does
 * (§3.2.2.2, §3.2.2.3). Pure: runs in Node and in the browser.
 */

/** A JSON value JCS can canonicalise. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The canonical JSON text of `value`.
 * @throws TypeError for values JSON cannot represent (undefined, NaN, ±Infinity, functions,
 *   lone surrogates in strings or keys).
 * @example canonicalize({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalize(value: unknown): string {
  return serialize(value, 0);
}

/** UTF-8 bytes of the canonical JSON of `value`. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialize(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new TypeError('JSON nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'string':
      return string(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => serialize(v, depth + 1)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('only plain objects can be canonicalised');
      }
      const keys = Object.keys(value).sort();
      const parts: string[] = [];
      for (const k of keys) {
        const v = (value as Record<string, unknown>)[k];
        if (v === undefined) throw new TypeError(`key "${k}" is undefined`);
        parts.push(`${string(k)}:${serialize(v, depth + 1)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`JSON cannot hold a ${typeof value}`);
  }
}

function string(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new TypeError('strings must be well-formed Unicode');
  return JSON.stringify(s);
}
