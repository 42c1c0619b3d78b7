/**
 * Requests Node's HTTP parser refuses before express sees them (malformed request lines or
 * headers, headers over the size limit, headers that took longer than `headersTimeout`) get the
 * same `{"error": {"code", "message"}}` body as every other error, instead of Node's bare
 * status line. The connection is closed afterwards, as Node itself does.
 */
import type { Duplex } from 'node:stream';
import type { HttpErrorCode } from './errors.js';

const ANSWERS: Readonly<Record<string, readonly [number, string, HttpErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'HEADERS_TOO_LARGE',
    'the request headers are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'REQUEST_TIMEOUT',
    'the request headers did not arrive in time',
  ],
};
const BAD_REQUEST = [400, 'Bad Request', 'INVALID_REQUEST', 'the request is malformed'] as const;

/** The raw HTTP response for a parser error of `code` (JSON body, `Connection: close`). */
export function clientErrorResponse(code: string | undefined): Buffer {
  const [status, reason, errorCode, message] = (code && ANSWERS[code]) || BAD_REQUEST;
  const body = JSON.stringify({ error: { code: errorCode, message } });
  return Buffer.from(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
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
