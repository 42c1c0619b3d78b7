/**
 * A TSA that is not ours, for the tests: a CA and a TSA certificate (critical EKU timeStamping)
 * made by `openssl req`/`openssl x509` in a temp folder, and a loopback HTTP server that answers
 * each query with `openssl ts -reply`. A `mutate` hook lets a test change the query OpenSSL sees
 * (another nonce, another digest, a policy it refuses) or replace the reply.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const openssl = (args: readonly string[], input?: Uint8Array): Buffer =>
  execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });

/** A CA and a TSA signer it issued, as PEM files in `dir`. */
export interface TsaCredentials {
  readonly dir: string;
  readonly caPem: string;
  readonly caCert: string;
  readonly signerCert: string;
  readonly signerKey: string;
  readonly config: string;
}

const TSA_CNF = (dir: string, signer: string, key: string, ca: string, essAlg: string): string => `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = ${dir}/serial
signer_cert = ${signer}
certs = ${ca}
signer_key = ${key}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1, millisecs:500
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = ${essAlg}
`;

/**
 * Makes a CA and a TSA leaf. `eku` is the leaf's extendedKeyUsage line (default
 * `critical,timeStamping`; `none` for no EKU at all); `key` RSA-2048 (default) or P-256;
 * `essAlg` the ESS signing-certificate OpenSSL writes (sha1: v1, sha256: v2).
 */
export function makeTsaCredentials(
  name: string,
  eku = 'critical,timeStamping',
  options: { key?: 'rsa' | 'ec'; essAlg?: 'sha1' | 'sha256' } = {},
): TsaCredentials {
  const newkey =
    options.key === 'ec'
      ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : ['-newkey', 'rsa:2048'];
  const dir = mkdtempSync(join(tmpdir(), `huicun-tsa-${name}-`));
  const f = (n: string) => join(dir, n);
  openssl([
    'req',
    '-x509',
    ...newkey,
    '-nodes',
    '-keyout',
    f('ca-key.pem'),
    '-out',
    f('ca.pem'),
    '-days',
    '30',
    '-subj',
    `/O=test/CN=${name} test TSA CA`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl([
    'req',
    ...newkey,
    '-nodes',
    '-keyout',
    f('tsa-key.pem'),
    '-out',
    f('tsa.csr'),
    '-subj',
    `/O=test/CN=${name} test TSA`,
  ]);
  const ext = [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,nonRepudiation',
    ...(eku === 'none' ? [] : [`extendedKeyUsage=${eku}`]),
  ].join('\n');
  writeFileSync(f('tsa.ext'), `${ext}\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    f('tsa.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca-key.pem'),
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    f('tsa.ext'),
    '-out',
    f('tsa.pem'),
  ]);
  writeFileSync(f('serial'), '01\n');
  writeFileSync(
    f('tsa.cnf'),
    TSA_CNF(dir, f('tsa.pem'), f('tsa-key.pem'), f('ca.pem'), options.essAlg ?? 'sha256'),
  );
  return {
    dir,
    caPem: readFileSync(f('ca.pem'), 'utf8'),
    caCert: f('ca.pem'),
    signerCert: f('tsa.pem'),
    signerKey: f('tsa-key.pem'),
    config: f('tsa.cnf'),
  };
}

/** `openssl ts -reply` for one DER query. */
export function opensslReply(creds: TsaCredentials, query: Uint8Array): Buffer {
  const q = join(creds.dir, `q-${process.hrtime.bigint()}.tsq`);
  writeFileSync(q, query);
  try {
    return openssl(['ts', '-reply', '-config', creds.config, '-queryfile', q]);
  } finally {
    rmSync(q, { force: true });
  }
}

/** What a test TSA does with a query. */
export type TsaBehaviour = (
  query: Uint8Array,
  req: IncomingMessage,
) => Promise<Uint8Array | 'hang'>;

export interface TestTsa {
  readonly url: string;
  /** Queries received so far. */
  readonly queries: Uint8Array[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** A loopback TSA (port 0) answering with `behave`. */
export async function startTsa(behave: TsaBehaviour): Promise<TestTsa> {
  const queries: Uint8Array[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const query = await body(req);
      queries.push(query);
      const reply = await behave(query, req);
      if (reply === 'hang') {
        await new Promise((r) => req.socket.once('close', r)); // until the client gives up
        return;
      }
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    queries,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A URL on which nothing listens: a port that was free a moment ago. */
export async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}/tsa`;
}
