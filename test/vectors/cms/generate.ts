/**
 * CMS vectors: the CAdES-detached SignedData the notary signer makes, with TEST-ONLY keys
 * and fixed content, so `test/certificate/cms.test.ts` can compare the signer's output byte
 * for byte. RSASSA-PKCS1-v1_5 is deterministic and the CMS carries no signing time (PAdES puts
 * it in /M), so the same key, chain and content give the same bytes.
 *
 *   node --import tsx test/vectors/cms/generate.ts
 *
 * The vectors were first written by the hand-written DER builder this replaced, and the
 * library-built CMS must keep matching them.
 *
 * Inputs (made once by OpenSSL, see README.md): `ca.pem`, `leaf.pem`, `leaf-key.pem`.
 * Outputs: one `<name>.der` per entry of {@link CMS_VECTORS}.
 * @module
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cadesDetachedSignature } from '../../../src/certificate/signing/cms.js';
import {
  parseX509,
  privateKeyFromPem,
  rsaSha256Sign,
  sha256,
  type KeyObject,
} from '../../../src/crypto/index.js';

export const CMS_VECTORS_DIR = dirname(fileURLToPath(import.meta.url));

/** One vector: which certificates (signer first) sign which content. */
export interface CmsVector {
  readonly name: string;
  readonly chain: readonly ('leaf' | 'ca')[];
  readonly content: Uint8Array;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export const CMS_VECTORS: readonly CmsVector[] = [
  { name: 'chain', chain: ['leaf', 'ca'], content: text('the bytes of a /ByteRange') },
  { name: 'leaf-only', chain: ['leaf'], content: new Uint8Array(0) },
  {
    name: 'large-content',
    chain: ['leaf', 'ca'],
    content: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff),
  },
];

/** The TEST-ONLY signing key and the DER of the named certificates. */
export function vectorInputs(v: CmsVector): { key: KeyObject; chain: Uint8Array[] } {
  const read = (f: string): string => readFileSync(join(CMS_VECTORS_DIR, f), 'utf8');
  return {
    key: privateKeyFromPem(read('leaf-key.pem')),
    chain: v.chain.map((c) => new Uint8Array(parseX509(read(`${c}.pem`)).raw)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const v of CMS_VECTORS) {
    const { key, chain } = vectorInputs(v);
    const der = cadesDetachedSignature(v.content, {
      chain: chain.map((der) => AsnConvert.parse(der, Certificate)),
      digest: sha256,
      sign: (data) => rsaSha256Sign(key, data),
    });
    writeFileSync(join(CMS_VECTORS_DIR, `${v.name}.der`), der);
    console.log(`${v.name}.der  ${der.length} bytes`);
  }
}
