/**
 * Requests Node's HTTP parser refuses before express sees them (malformed request lines or
 * headers, headers over the size limit, headers that took longer than `headersTimeout`) get the
 * same `{"error": {"code", "message"}}` body as every other error (written by the one writer,
 * src/http/errors.ts), instead of Node's bare status line. The connection is closed afterwards,
 * as Node itself does.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorResponse, type HttpErrorCode } from './errors.js';

const ANSWERS: Readonly<Record<string, readonly [HttpErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: ['HEADERS_TOO_LARGE', 'the request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST_TIMEOUT', 'the request headers did not arrive in time'],
};
const BAD_REQUEST = ['INVALID_REQUEST', 'the request is malformed'] as const;

/** The raw HTTP response for a parser error of `code` (JSON body, `Connection: close`). */
export function clientErrorResponse(code: string | undefined): Buffer {
  const [errorCode, message] = (code && ANSWERS[code]) || BAD_REQUEST;
  const answer = errorResponse(errorCode, message);
  const body = JSON.stringify(answer.body);
  const extra = Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.from(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\n${extra.join('')}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    'latin1',
  );
}

/**
 * `server.on('clientError', answerClientError)`: as Node's default handler, answers only when no
 * response has started on the socket (never corrupting one in flight), then destroys the socket.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent)
    socket.write(clientErrorResponse(err.code));
  socket.destroy();
}
