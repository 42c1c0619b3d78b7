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

/**
 * A valid ID number no other call in this process returns (one ID number registers one
 * account): born on 1980-01-01 plus ⌊n/1000⌋ days, sequence n mod 1000, so it is never one of
 * the fixed `testIdNumber(seq)` numbers (born 1990-03-07) nor the demo depositor's.
 */
export function freshIdNumber(n: number): string {
  const born = new Date(Date.UTC(1980, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const ymd = born.toISOString().slice(0, 10).replaceAll('-', '');
  const digits = `310104${ymd}${String(n % 1000).padStart(3, '0')}`;
  return digits + idCheckChar(digits);
}

/** Registers a fresh depositor (fresh username and ID number); returns its token and user. */
export async function registerDepositor(
  base: string,
  realName = '张三',
): Promise<{ token: string; user: Body; idNumber: string }> {
  counter++;
  const idNumber = freshIdNumber(counter);
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
