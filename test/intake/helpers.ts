/** In-process express app around the upload handler, a multipart builder and an HTTP client. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import { createUploadHandler, IntakeError, Sm3Worker } from '../../src/evidence/intake/index.js';
import type {
  Intake,
  UploadHandler,
  UploadHandlerOptions,
} from '../../src/evidence/intake/index.js';
import { statusOf } from '../../src/http/errors.js';
import { BlobStore } from '../../src/storage/blobs.js';

export const BOUNDARY = 'huicun-test-boundary-7d3a';
export const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** One multipart part: a text field, or a file when `filename` (or `disposition`) is given. */
export interface Part {
  name: string;
  value?: string | Uint8Array;
  filename?: string;
  type?: string;
  /** A raw Content-Disposition value, replacing the generated one. */
  disposition?: string;
}

export function partHeader(p: Part): Buffer {
  const disposition =
    p.disposition ??
    `form-data; name="${p.name}"` + (p.filename === undefined ? '' : `; filename="${p.filename}"`);
  const type = p.type === undefined ? '' : `Content-Type: ${p.type}\r\n`;
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`, 'utf8');
}

export const CLOSING = Buffer.from(`--${BOUNDARY}--\r\n`);

/** A whole multipart/form-data body. */
export function multipart(parts: readonly Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(partHeader(p), Buffer.from(p.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(CLOSING);
  return Buffer.concat(chunks);
}

export const file = (filename: string, value: Uint8Array | string, type?: string): Part => ({
  name: 'files',
  filename,
  value,
  ...(type === undefined ? {} : { type }),
});
export const title = (value = '测试存证'): Part => ({ name: 'title', value });

export interface Response {
  status: number;
  body: unknown;
}

export interface Fixture {
  readonly url: string;
  readonly dataDir: string;
  readonly blobs: BlobStore;
  readonly upload: UploadHandler;
  /** Digests the "records" reference (`isReferenced`). */
  readonly referenced: Set<string>;
  /** Intakes received and kept unsettled (route `/keep`). */
  readonly kept: Intake[];
  /** Errors the route raised, in order. */
  readonly errors: unknown[];
  post(body: Buffer, path?: string, contentType?: string): Promise<Response>;
  tmpFiles(): string[];
  blobFiles(): string[];
  close(): Promise<void>;
}

/** Lists the files under `dir`, recursively (relative paths). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1));
}

/** Polls `condition` until it holds, failing after `timeoutMs` (no fixed sleeps in tests). */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** One SM3 worker for all intake tests, as in the server. */
export const sharedSm3 = new Sm3Worker();

export async function startFixture(options: Partial<UploadHandlerOptions> = {}): Promise<Fixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huicun-intake-'));
  const referenced = new Set<string>();
  const blobs = await BlobStore.open({ dataDir, isReferenced: (d) => referenced.has(d) });
  const upload = createUploadHandler({ blobs, sm3: sharedSm3, ...options });
  const kept: Intake[] = [];
  const errors: unknown[] = [];
  const app = express();
  app.post('/deposits', async (req, res) => {
    const intake = await upload.receive(req);
    upload.settle(intake);
    res.status(201).json(intake);
  });
  app.post('/keep', async (req, res) => {
    const intake = await upload.receive(req);
    kept.push(intake);
    res.status(201).json(intake);
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    errors.push(err);
    const status = err instanceof IntakeError ? statusOf(err.code) : 500;
    const code = err instanceof IntakeError ? err.code : 'INTERNAL';
    res.status(status).json({ error: { code, message: String((err as Error).message) } });
  };
  app.use(onError);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dataDir,
    blobs,
    upload,
    referenced,
    kept,
    errors,
    post: (body, path = '/deposits', contentType = FORM_TYPE) =>
      post(`${url}${path}`, body, contentType),
    tmpFiles: () => listFiles(blobs.tmpDir),
    blobFiles: () => listFiles(blobs.blobDir),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs `body` with a Content-Length; resolves with the status and parsed JSON. */
export function post(url: string, body: Buffer, contentType: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': contentType, 'content-length': body.length },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          body: text === '' ? undefined : (JSON.parse(text) as unknown),
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The error code of a JSON error response. */
export const codeOf = (r: Response): string | undefined =>
  (r.body as { error?: { code?: string } } | undefined)?.error?.code;
