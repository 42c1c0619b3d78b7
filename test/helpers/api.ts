/** Small HTTP helpers for in-process API tests. */
import { idCheckChar } from '../../src/accounts/id-number.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Body = any;

export interface Reply {
  status: number;
  body: Body;
  headers: Headers;
  text: string;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: {
    token?: string;
    json?: unknown;
    body?: NonNullable<RequestInit['body']>;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(base + path, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let parsed: Body;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** A valid GB 11643 ID number for tests (Shanghai Xuhui, born 1990-03-07, sequence `seq`). */
export function testIdNumber(seq = 123): string {
  const digits = `31010419900307${String(seq).padStart(3, '0')}`;
  return digits + idCheckChar(digits);
}

let counter = 0;
/** Registers a fresh depositor; returns its token and user. */
export async function registerDepositor(
  base: string,
  realName = '张三',
): Promise<{ token: string; user: Body; idNumber: string }> {
  counter++;
  const idNumber = testIdNumber(100 + (counter % 800));
  const r = await call(base, 'POST', '/api/v1/auth/register', {
    json: {
      username: `depositor-${process.pid}-${counter}`,
      password: 'correct horse battery staple',
      displayName: `存证人 ${counter}`,
      realName,
      idNumber,
    },
  });
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${r.text}`);
  return { token: r.body.token, user: r.body.user, idNumber };
}
