/**
 * The one error table (src/http/errors.ts): every code of every domain has one status, every
 * answer is `{"error": {"code", "message"}}` from the one writer, transient 503s carry
 * Retry-After, and codes shared by several domains (BLOB_MISSING) have one status whoever
 * raises them. The compiler checks that the table covers exactly the codes of the domains'
 * unions; these tests check what a client receives.
 */
import { expect } from 'chai';
import express from 'express';
import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountError } from '../../src/accounts/errors.js';
import { CertificateError } from '../../src/certificate/errors.js';
import { ConfigError } from '../../src/config/index.js';
import { CustodyError } from '../../src/custody/errors.js';
import { BaseError } from '../../src/errors.js';
import { DepositError } from '../../src/evidence/errors.js';
import { IntakeError } from '../../src/evidence/intake/errors.js';
import { clientErrorResponse } from '../../src/http/client-errors.js';
import {
  CLIENT_ERROR_CODES,
  ERROR_STATUS,
  errorHandler,
  HttpError,
  isErrorCode,
  NOT_FOR_CLIENTS,
  retryAfterOf,
  statusOf,
  toHttp,
  type ErrorCode,
} from '../../src/http/errors.js';
import { noCors } from '../../src/http/security.js';
import { checkFields, InputError, singleLine } from '../../src/input/index.js';
import { LogError } from '../../src/log/errors.js';
import { NotaryError } from '../../src/notary/errors.js';
import { OpsError } from '../../src/ops/errors.js';
import { SequencerError } from '../../src/sequencer/errors.js';
import { ShareError } from '../../src/sharing/errors.js';
import { BlobError } from '../../src/storage/blobs.js';
import { StorageError } from '../../src/storage/errors.js';
import { VerifyError } from '../../src/verify/errors.js';
import { call } from '../helpers/api.js';

const CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** An express app whose `/throw/:code` throws `thrown(code)`, answered by the one mapper. */
async function throwingApp(thrown: (code: string) => unknown): Promise<{
  url: string;
  reported: unknown[];
  counted: [string, number][];
  close(): Promise<void>;
}> {
  const reported: unknown[] = [];
  const counted: [string, number][] = [];
  const app = express();
  app.use(noCors);
  app.get('/throw/:code', (req) => {
    throw thrown(String(req.params.code));
  });
  app.use(
    errorHandler(
      (e) => reported.push(e),
      (code, status) => counted.push([code, status]),
    ),
  );
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reported,
    counted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the one error table', () => {
  it('gives every code a 4xx or 5xx status that HTTP knows', () => {
    expect(CODES.length).to.be.greaterThan(100);
    for (const code of CODES) {
      const status = statusOf(code);
      expect(status, code).to.be.within(400, 599);
      expect(STATUS_CODES[status], `${code}: ${status}`).to.be.a('string');
    }
    expect(statusOf('NO_SUCH_CODE')).to.equal(500);
  });

  it('is listed whole in docs/errors.md, each code once with its status', async () => {
    const doc = await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \| (\d{3}) \|/gm)].map(
      (m) => [m[1]!, Number(m[2])] as const,
    );
    expect(rows.length, 'rows of the table').to.equal(CODES.length);
    expect(Object.fromEntries(rows)).to.deep.equal(
      Object.fromEntries(CODES.map((code) => [code, statusOf(code)])),
    );
  });

  it('states a Retry-After decision for every 503, and for no other status', () => {
    for (const code of CODES) {
      if (statusOf(code) !== 503) expect(retryAfterOf(code), code).to.equal(null);
    }
    for (const code of ['LOG_OVERLOADED', 'LOG_UNAVAILABLE', 'LOG_IN_DOUBT', 'CUSTODY_UNAVAILABLE'])
      expect(retryAfterOf(code), code).to.be.a('number').and.to.be.greaterThan(0);
    for (const code of ['LOG_READ_ONLY', 'LOG_CORRUPT', 'BLOB_MISSING', 'STORE_CORRUPT'])
      expect(retryAfterOf(code), code).to.equal(null); // the operator must act
  });

  it('answers every code over HTTP with its status, the one body shape and Retry-After when transient', async () => {
    const app = await throwingApp((code) => new BaseError(code, `message of ${code}`));
    try {
      for (const code of CODES) {
        const r = await call(app.url, 'GET', `/throw/${code}`);
        const status = statusOf(code);
        expect(r.status, code).to.equal(status);
        expect(r.headers.get('content-type'), code).to.match(/^application\/json/);
        expect(Object.keys(r.body), code).to.deep.equal(['error']);
        expect(Object.keys(r.body.error).sort(), code).to.deep.equal(['code', 'message']);
        if (status === 500) {
          // never meant for a client: no internals
          expect(r.body.error, code).to.deep.equal({ code: 'INTERNAL', message: 'internal error' });
        } else {
          expect(r.body.error, code).to.deep.equal({ code, message: `message of ${code}` });
        }
        const retry = retryAfterOf(code);
        expect(r.headers.get('retry-after'), code).to.equal(retry === null ? null : String(retry));
      }
      expect(app.counted.map(([c, s]) => s === statusOf(c) || c === 'INTERNAL')).to.not.include(
        false,
      );
      expect(app.reported.length).to.equal(CODES.filter((c) => statusOf(c) >= 500).length);
    } finally {
      await app.close();
    }
  });

  it('maps a sample of each domain’s errors', () => {
    const samples: [BaseError, number][] = [
      [new HttpError('ROUTE_NOT_FOUND', 'no route'), 404],
      [new AccountError('ROLE_FORBIDDEN', 'not your role'), 403],
      [new DepositError('DEPOSIT_NOT_FOUND', 'no deposit'), 404],
      [new IntakeError('INSUFFICIENT_STORAGE', 'disk full'), 507],
      [new VerifyError('UNSUPPORTED_MEDIA_TYPE', 'neither'), 415],
      [new CustodyError('CODE_INVALID', 'not a code'), 400],
      [new CertificateError('NOT_ISSUED', 'not issued'), 409],
      [new NotaryError('CLAIM_LOCKED', 'locked'), 423],
      [new ShareError('SHARE_REVOKED', 'revoked'), 404],
      [new OpsError('LOCAL_SECRET_REFUSED', 'refused'), 403],
      [new LogError('INVALID_PROOF', 'bad proof'), 400],
      [new SequencerError('SIZE_BEYOND_TREE', 'beyond'), 400],
      [new StorageError('STORE_IO', 'io'), 503],
    ];
    for (const [err, status] of samples) {
      const mapped = toHttp(err);
      expect(mapped.status, err.code).to.equal(status);
      expect(mapped.body).to.deep.equal({ error: { code: err.code, message: err.message } });
    }
    // start-up and programming errors are internal
    for (const err of [
      new ConfigError('CONFIG_INVALID', 'PORT must be an integer'),
      new CertificateError('NOTARY_P12_INVALID', 'wrong password for /secret/path'),
      new BlobError('BLOB_NOT_FOUND', 'no blob ab…'),
    ]) {
      expect(toHttp(err)).to.deep.equal({
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'internal error' } },
      });
    }
  });

  it('names the bad fields, their problems and a limit, and nothing else of the details', () => {
    const one = toHttp(
      new AccountError('INVALID_FIELD', 'field "x" is required', {
        details: { field: 'x', problem: 'required' },
      }),
    );
    expect(one.body).to.deep.equal({
      error: {
        code: 'INVALID_FIELD',
        message: 'field "x" is required',
        field: 'x',
        fields: ['x'],
        issues: [{ field: 'x', code: 'INVALID_FIELD', problem: 'required' }],
      },
    });
    const long = toHttp(
      new InputError('FIELD_TOO_LONG', 'field "title" is longer than 200 characters', {
        details: { field: 'title', fields: ['title'], limit: 200 },
      }),
    );
    expect(long.body.error).to.deep.include({ field: 'title', limit: 200 });
    expect(long.body.error.issues).to.deep.equal([
      { field: 'title', code: 'FIELD_TOO_LONG', limit: 200 },
    ]);
    // several fields at once (src/input/fields.ts): each with its own code
    let several: unknown;
    try {
      checkFields(
        { title: 'a'.repeat(201), note: 7 },
        {
          title: (v, f) => singleLine(f, v, { max: 200 }),
          note: (v, f) => singleLine(f, v, { max: 10 }),
        },
      );
    } catch (err) {
      several = err;
    }
    expect(toHttp(several).body.error).to.deep.include({
      code: 'FIELD_TOO_LONG',
      field: 'title',
      fields: ['title', 'note'],
      limit: 200,
      issues: [
        { field: 'title', code: 'FIELD_TOO_LONG', limit: 200 },
        { field: 'note', code: 'INVALID_FIELD', problem: 'type' },
      ],
    });
    // other details stay on the server
    const proof = toHttp(
      new LogError('INVALID_PROOF', 'bad proof', { details: { expected: 'AA', calculated: 'BB' } }),
    );
    expect(Object.keys(proof.body.error).sort()).to.deep.equal(['code', 'message']);
    const held = toHttp(
      new AccountError('LOGIN_THROTTLED', 'wait', { details: { retryAfter: 3, reason: 'x' } }),
    );
    expect(Object.keys(held.body.error).sort()).to.deep.equal(['code', 'message']);
  });

  it('lists the codes no client receives, and only codes of the table', () => {
    for (const code of NOT_FOR_CLIENTS) expect(isErrorCode(code), code).to.equal(true);
    // every code a client is answered with as INTERNAL is on the list
    for (const code of CODES)
      if (statusOf(code) === 500 && code !== 'INTERNAL')
        expect(NOT_FOR_CLIENTS as readonly string[], code).to.include(code);
    expect(CLIENT_ERROR_CODES).to.include.members(['INTERNAL', 'LOGIN_FAILED', 'FIELD_TOO_LONG']);
    expect(CLIENT_ERROR_CODES.length + NOT_FOR_CLIENTS.length).to.equal(CODES.length);
  });

  it('gives BLOB_MISSING (and BLOB_DIGEST_MISMATCH) one status whichever domain raises it', () => {
    for (const err of [
      new DepositError('BLOB_MISSING', 'the stored file is missing'),
      new OpsError('BLOB_MISSING', 'the stored file x is missing'),
      new OpsError('BLOB_DIGEST_MISMATCH', 'the stored file x changed'),
    ]) {
      const mapped = toHttp(err);
      expect(mapped.status, err.code).to.equal(503);
      expect(mapped.body.error.code).to.equal(err.code);
      expect(mapped).to.not.have.property('retryAfter'); // waiting does not bring a file back
    }
  });

  it('takes Retry-After from the error’s details over the table', () => {
    const throttled = new AccountError('LOGIN_THROTTLED', 'wait', { details: { retryAfter: 7 } });
    expect(toHttp(throttled)).to.deep.include({ status: 429, retryAfter: 7 });
    const custody = new CustodyError('CUSTODY_UNAVAILABLE', 'retry', {
      details: { retryAfter: 9 },
    });
    expect(toHttp(custody)).to.deep.include({ status: 503, retryAfter: 9 });
    expect(toHttp(new SequencerError('LOG_OVERLOADED', 'busy'))).to.deep.include({
      status: 503,
      retryAfter: 1,
    });
  });

  it('maps errors that are not ours without leaking them', () => {
    expect(toHttp(new Error('secret internals'))).to.deep.equal({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'internal error' } },
    });
    expect(toHttp(new BaseError('NOT_A_CODE', 'secret internals')).body.error.code).to.equal(
      'INTERNAL',
    );
    expect(
      toHttp(Object.assign(new Error('x'), { status: 400, type: 'entity.parse.failed' })),
    ).to.deep.equal({
      status: 400,
      body: { error: { code: 'INVALID_BODY', message: 'the request body is malformed' } },
    });
    expect(toHttp(Object.assign(new Error('x'), { statusCode: 413 })).body.error.code).to.equal(
      'PAYLOAD_TOO_LARGE',
    );
    expect(
      toHttp(Object.assign(new Error('x'), { code: 'LEVEL_DATABASE_NOT_OPEN' })),
    ).to.deep.include({ status: 503, retryAfter: 5 });
  });

  it('writes the preflight refusal and parser errors with the same writer', async () => {
    const app = await throwingApp(() => new Error('unused'));
    try {
      const r = await call(app.url, 'OPTIONS', '/throw/x');
      expect(r.status).to.equal(405);
      expect(r.body).to.deep.equal({
        error: { code: 'METHOD_NOT_ALLOWED', message: 'cross-origin requests are not served' },
      });
    } finally {
      await app.close();
    }
    const raw = clientErrorResponse('HPE_HEADER_OVERFLOW').toString('latin1');
    expect(raw).to.match(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).to.deep.equal({
      error: { code: 'HEADERS_TOO_LARGE', message: 'the request headers are too large' },
    });
    expect(clientErrorResponse(undefined).toString('latin1')).to.match(
      /^HTTP\/1\.1 400 Bad Request/,
    );
  });
});
