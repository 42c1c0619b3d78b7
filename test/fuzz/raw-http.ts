/**
 * A raw HTTP/1.1 client over a TCP socket for hostile-input tests: it sends exactly the bytes it
 * is given (any path, any header, lying lengths, truncated bodies), which fetch and node:http
 * refuse to do, and reads whatever comes back until the server closes the connection.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The connection ended with an error (reset) rather than a clean close. */
  readonly reset: boolean;
}

/** What a request sends: a head and a body (a Buffer, or chunks written as they come). */
export interface RawRequest {
  readonly method: string;
  /** The request target exactly as written on the request line. */
  readonly target: string;
  /** Header lines as [name, value]; `Host` and `Connection: close` are added unless present. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: Buffer;
  /** Half-close the socket after the body instead of waiting (a client that gives up). */
  readonly endAfterBody?: boolean;
}

/** The port of a `http://127.0.0.1:<port>` base URL (tests talk to loopback only). */
export function portOf(base: string): number {
  const u = new URL(base);
  if (u.hostname !== '127.0.0.1') throw new Error(`raw requests go to 127.0.0.1 only, not ${base}`);
  return Number(u.port);
}

/** The bytes of a request head. */
export function requestHead(req: RawRequest, port: number): Buffer {
  const headers = [...(req.headers ?? [])];
  const has = (n: string): boolean => headers.some(([k]) => k.toLowerCase() === n);
  if (!has('host')) headers.unshift(['Host', `127.0.0.1:${port}`]);
  if (!has('connection')) headers.push(['Connection', 'close']);
  const lines = [`${req.method} ${req.target} HTTP/1.1`, ...headers.map(([k, v]) => `${k}: ${v}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Parses a response (status line, headers, body by Content-Length or chunked, else the rest). */
export function parseResponse(raw: Buffer, reset: boolean): RawResponse | undefined {
  // Skip interim responses (`100 Continue`).
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.subarray(0, 16).toString('latin1'))) {
    const interim = raw.indexOf('\r\n\r\n');
    if (interim < 0) return undefined;
    raw = raw.subarray(interim + 4);
  }
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const k = line.slice(0, i).trim().toLowerCase();
    const v = line.slice(i + 1).trim();
    headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`;
  }
  let body = raw.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  else if (headers['content-length'] !== undefined)
    body = body.subarray(0, Number(headers['content-length']));
  return { status: Number(m[1]), headers, body, reset };
}

function dechunk(bytes: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = bytes.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(bytes.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(bytes.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** A connected socket with everything it has received, and a promise of its close. */
export interface RawConnection {
  readonly socket: Socket;
  readonly received: Buffer[];
  /** Resolves when the connection is closed (by either side), with whether it was reset. */
  readonly closed: Promise<{ reset: boolean }>;
}

/** Opens a connection to 127.0.0.1:`port`. */
export async function openConnection(port: number): Promise<RawConnection> {
  const socket = connect({ port, host: '127.0.0.1' });
  socket.setNoDelay(true);
  const received: Buffer[] = [];
  let reset = false;
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  socket.on('error', () => {
    reset = true;
  });
  const closed = new Promise<{ reset: boolean }>((resolve) =>
    socket.once('close', () => resolve({ reset })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received, closed };
}

/** Waits for `promise`, failing with `what` after `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends one request and reads until the server closes the connection. Resolves `undefined` when
 * the connection closed without a parsable response. Rejects when nothing happens in `timeoutMs`.
 */
export async function rawRequest(
  base: string,
  req: RawRequest,
  timeoutMs = 15_000,
): Promise<RawResponse | undefined> {
  const port = portOf(base);
  const conn = await openConnection(port);
  const head = requestHead(req, port);
  conn.socket.write(req.body ? Buffer.concat([head, req.body]) : head, () => {
    if (req.endAfterBody) conn.socket.end();
  });
  try {
    const { reset } = await within(
      timeoutMs,
      `${req.method} ${req.target.slice(0, 120)}`,
      conn.closed,
    );
    return parseResponse(Buffer.concat(conn.received), reset);
  } finally {
    conn.socket.destroy();
  }
}
