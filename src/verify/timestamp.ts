/**
 * The four time-stamp checks of a receipt (docs/verification.md, "Time-stamps"): the receipt's
 * `timestamps: [{checkpoint, token}]` are RFC 3161 tokens over SHA-256 of a signed checkpoint
 * note's exact bytes (docs/timestamps.md).
 *
 * - `timestamp.imprint` (here, pure): the TSTInfo's SHA-256 imprint is that of the stamped note.
 * - `timestamp.signature`, `timestamp.trusted` (the host's {@link TsaChecker}: CMS signatures
 *   and X.509 chains take node:crypto, so the CLI and the server check them and a host without a
 *   checker reports `skip`).
 * - `timestamp.covers` (here, pure): the stamped checkpoint is signed by the key that signed the
 *   receipt's checkpoint and covers the entry — the same tree, or one the receipt's
 *   `timestampConsistency` proves consistent with it.
 *
 * All four `skip` when the receipt carries no stamp. ASN.1 through @peculiar (pure JS).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { AsnParser } from '@peculiar/asn1-schema';
import { TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';
import { Certificate } from '@peculiar/asn1-x509';
import { encodeBase64, equalBytes, openNote, type Checkpoint } from '../log/index.js';
import { check, msg, type Check, type CheckId, type CheckStatus } from './checks.js';
import { checkpointExtends } from './checkpoint-extends.js';
import { InconsistencyError } from './errors.js';
import { checkpointBody } from './receipt.js';
import type { VerifierKey } from './trust.js';

const ID_SHA256 = '2.16.840.1.101.3.4.2.1';

/** A receipt's time-stamp: the stamped checkpoint note and the DER token. */
export interface ReceiptStamp {
  readonly checkpoint: string;
  readonly token: Uint8Array;
}

/** What a token says, read but not checked. */
export interface TokenFacts {
  /** The OID of the imprint's hash algorithm, and the imprint. */
  readonly hashAlgorithm: string;
  readonly imprint: Uint8Array;
  /** genTime, RFC 3339 UTC. */
  readonly genTime: string;
  /** The signer certificate's (last) common name, when the token carries it. */
  readonly tsa?: string;
}

/** The host's check of a token's CMS signature and chain (src/timestamp `tsaTokenChecker`). */
export interface TsaTokenResult {
  /** The signature over the TSTInfo verifies and the signer has the critical timeStamping EKU. */
  readonly signature: 'pass' | 'fail';
  /** The signer chains to an anchor the caller trusts; `skip` when the caller gave none. */
  readonly trusted: CheckStatus;
  /** The token is the built-in development TSA's: never trusted time. */
  readonly development: boolean;
  /** Why a check failed (English, for `actual`). */
  readonly reason?: string;
}

/** Checks tokens against the anchors the caller trusts (bound in by the host). */
export interface TsaChecker {
  check(token: Uint8Array): TsaTokenResult;
}

/** The time a stamp gives, for reports (the first stamp of the receipt). */
export interface StampFacts {
  readonly genTime: string;
  readonly tsa?: string;
  /** Stamped by the development TSA. */
  readonly development?: boolean;
}

const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Reads a DER TimeStampToken (CMS ContentInfo, SignedData over a TSTInfo) without checking it.
 * @throws {Error} when it is not one.
 */
export function readTimeStampToken(token: Uint8Array): TokenFacts {
  const contentInfo = AsnParser.parse(token, ContentInfo);
  if (contentInfo.contentType !== id_signedData) throw new Error('not a CMS SignedData');
  const signedData = AsnParser.parse(contentInfo.content, SignedData);
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== id_ct_tstInfo) throw new Error('not a TSTInfo');
  const bytes = eContent?.single?.buffer ?? eContent?.any;
  if (bytes === undefined) throw new Error('no TSTInfo');
  const tstInfo = AsnParser.parse(bytes, TSTInfo);
  const sid = signedData.signerInfos[0]?.sid.issuerAndSerialNumber;
  const certs = (signedData.certificates ?? [])
    .map((c) => c.certificate)
    .filter((c): c is Certificate => c !== undefined);
  const signer =
    (sid && certs.find((c) => equal(u8(c.tbsCertificate.serialNumber), u8(sid.serialNumber)))) ??
    (certs.length === 1 ? certs[0] : undefined);
  const cn = signer?.tbsCertificate.subject
    .flatMap((rdn) => [...rdn])
    .filter((atv) => atv.type === '2.5.4.3')
    .map((atv) => atv.value.toString())
    .pop();
  return {
    hashAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithm,
    imprint: u8(tstInfo.messageImprint.hashedMessage.buffer),
    genTime: tstInfo.genTime.toISOString().replace('.000Z', 'Z'),
    ...(cn !== undefined ? { tsa: cn } : {}),
  };
}

type Four = Record<
  'timestamp.imprint' | 'timestamp.signature' | 'timestamp.trusted' | 'timestamp.covers',
  Check
>;

const TIMESTAMP_IDS = [
  'timestamp.imprint',
  'timestamp.signature',
  'timestamp.trusted',
  'timestamp.covers',
] as const satisfies readonly CheckId[];

function noStamp(): Check[] {
  return TIMESTAMP_IDS.map((id) =>
    check(id, 'skip', msg('收据未附可信时间戳', 'the receipt carries no RFC 3161 time-stamp')),
  );
}

/** What the covers check needs of the receipt. */
export interface StampContext {
  /** The entry's index. */
  readonly index: number | undefined;
  /** The receipt's checkpoint: its note and body. */
  readonly checkpoint: { readonly raw: string; readonly body: Checkpoint } | undefined;
  /** The key that signed the receipt's checkpoint (trusted or the document's). */
  readonly logKey: VerifierKey | undefined;
  /** base64 consistency proof between the receipt's and the stamped checkpoint. */
  readonly consistency: readonly string[] | undefined;
  readonly tsa: TsaChecker | undefined;
}

function coversCheck(stamp: ReceiptStamp, ctx: StampContext): Check {
  const fail = (zh: string, en: string, expected: unknown = null, actual: unknown = null) =>
    check(
      'timestamp.covers',
      'fail',
      msg(`时间戳不覆盖该存证：${zh}`, `the time-stamp does not cover the deposit: ${en}`),
      expected,
      actual,
    );
  const receipt = ctx.checkpoint;
  if (receipt === undefined || ctx.index === undefined)
    return fail('收据中的检查点或序号无法读取', "the receipt's checkpoint or index is unreadable");
  if (ctx.logKey === undefined)
    return fail('收据中的检查点没有可用的日志公钥', "no log key signed the receipt's checkpoint");
  let stamped: Checkpoint | undefined;
  try {
    openNote(stamp.checkpoint, [ctx.logKey]);
    stamped = checkpointBody(stamp.checkpoint);
  } catch {
    stamped = undefined;
  }
  if (stamped === undefined)
    return fail(
      '被盖时间戳的检查点未由该日志公钥签名',
      'the stamped checkpoint is not signed by the log key',
    );
  const a = receipt.body;
  const expected = { size: a.size, root: encodeBase64(a.root), index: ctx.index };
  const actual = { size: stamped.size, root: encodeBase64(stamped.root) };
  if (stamped.origin !== a.origin)
    return fail('被盖时间戳的检查点属于另一日志', 'the stamped checkpoint is of another log');
  if (ctx.index >= stamped.size)
    return fail(
      `被盖时间戳的树只有 ${stamped.size} 个条目`,
      `the stamped tree has only ${stamped.size} entries`,
      expected,
      actual,
    );
  const pass = (zh: string, en: string): Check =>
    check('timestamp.covers', 'pass', msg(zh, en), expected, actual);
  if (stamped.size === a.size) {
    return equalBytes(stamped.root, a.root)
      ? pass('时间戳所盖的正是收据中的检查点', "the time-stamp is over the receipt's checkpoint")
      : fail('同一大小的树根不同', 'the same size with another root', expected, actual);
  }
  if (ctx.consistency === undefined) {
    return check(
      'timestamp.covers',
      'skip',
      msg(
        '时间戳所盖的检查点与收据中的不同，且收据未附一致性证明（以 ?at=latest 获取收据）',
        "the stamped checkpoint is not the receipt's and the receipt has no consistency proof (fetch it with ?at=latest)",
      ),
      expected,
      actual,
    );
  }
  const stampedSigned = { raw: stamp.checkpoint, body: stamped };
  const [smaller, larger] =
    a.size < stamped.size ? [receipt, stampedSigned] : [stampedSigned, receipt];
  try {
    checkpointExtends(smaller, larger, ctx.consistency);
  } catch (err) {
    if (!(err instanceof InconsistencyError)) throw err;
    return fail('一致性证明不成立', 'the consistency proof fails', expected, actual);
  }
  return pass(
    '收据中的检查点与时间戳所盖的检查点一致，条目在被盖时间戳的树中',
    "the receipt's checkpoint is consistent with the stamped one, whose tree holds the entry",
  );
}

function stampChecks(stamp: ReceiptStamp, ctx: StampContext): { four: Four; facts?: StampFacts } {
  let facts: TokenFacts | undefined;
  try {
    facts = readTimeStampToken(stamp.token);
  } catch {
    facts = undefined;
  }
  const covers = coversCheck(stamp, ctx);
  if (facts === undefined) {
    const unreadable = msg(
      '时间戳令牌不是 RFC 3161 令牌，无法读取',
      'the time-stamp token is not a readable RFC 3161 token',
    );
    return {
      four: {
        'timestamp.imprint': check('timestamp.imprint', 'fail', unreadable),
        'timestamp.signature': check('timestamp.signature', 'fail', unreadable),
        'timestamp.trusted': check('timestamp.trusted', 'skip', unreadable),
        'timestamp.covers': covers,
      },
    };
  }
  const want = sha256(new TextEncoder().encode(stamp.checkpoint));
  const imprint =
    facts.hashAlgorithm === ID_SHA256 && equal(facts.imprint, want)
      ? check(
          'timestamp.imprint',
          'pass',
          msg(
            '时间戳所盖的摘要正是检查点的 SHA-256',
            'the time-stamp is over the SHA-256 of the checkpoint',
          ),
          encodeBase64(want),
          encodeBase64(facts.imprint),
        )
      : check(
          'timestamp.imprint',
          'fail',
          msg(
            '时间戳所盖的摘要不是该检查点的 SHA-256：令牌属于别的数据',
            'the time-stamp is not over the SHA-256 of the checkpoint: the token is of other data',
          ),
          encodeBase64(want),
          facts.hashAlgorithm === ID_SHA256 ? encodeBase64(facts.imprint) : facts.hashAlgorithm,
        );
  const tsaName = facts.tsa ?? '?';
  const result = ctx.tsa?.check(stamp.token);
  let signature: Check;
  let trusted: Check;
  if (result === undefined) {
    const why = msg(
      '此处未核验时间戳签名与证书链（请用命令行 huicun verify 或服务器核验）',
      'the time-stamp signature and chain are not checked here (use huicun verify or the server)',
    );
    signature = check('timestamp.signature', 'skip', why);
    trusted = check('timestamp.trusted', 'skip', why);
  } else {
    signature =
      result.signature === 'pass'
        ? check(
            'timestamp.signature',
            'pass',
            msg(
              `时间戳由“${tsaName}”签名，签名有效`,
              `the time-stamp is signed by “${tsaName}” and the signature is valid`,
            ),
          )
        : check(
            'timestamp.signature',
            'fail',
            msg('时间戳的签名无效', 'the time-stamp signature is not valid'),
            null,
            result.reason ?? null,
          );
    if (result.signature === 'fail')
      trusted = check(
        'timestamp.trusted',
        'skip',
        msg('签名无效，未检查时间戳机构', 'the signature is not valid: the TSA was not checked'),
      );
    else if (result.trusted === 'pass' && result.development)
      trusted = check(
        'timestamp.trusted',
        'skip',
        msg(
          '开发用时间戳机构：不是可信时间来源，从不视为可信',
          'the development time-stamp authority: not a trusted time source, never trusted',
        ),
      );
    else if (result.trusted === 'pass')
      trusted = check(
        'timestamp.trusted',
        'pass',
        msg(
          `时间戳机构“${tsaName}”的证书链到您信任的根证书`,
          `the TSA “${tsaName}” chains to a CA you trust`,
        ),
      );
    else if (result.trusted === 'fail')
      trusted = check(
        'timestamp.trusted',
        'fail',
        msg(
          `时间戳机构“${tsaName}”不在您信任的根证书之下`,
          `the TSA “${tsaName}” does not chain to a CA you trust`,
        ),
        null,
        result.reason ?? null,
      );
    else
      trusted = check(
        'timestamp.trusted',
        'skip',
        msg(
          result.development
            ? '开发用时间戳机构，不是可信时间来源；未给出信任的时间戳根证书'
            : '未给出信任的时间戳根证书（--tsa-ca），未检查时间戳机构',
          result.development
            ? 'the development time-stamp authority, not a trusted time source; no TSA CA given'
            : 'no TSA certificate authority given (--tsa-ca): the TSA was not checked',
        ),
      );
  }
  return {
    four: {
      'timestamp.imprint': imprint,
      'timestamp.signature': signature,
      'timestamp.trusted': trusted,
      'timestamp.covers': covers,
    },
    facts: {
      genTime: facts.genTime,
      ...(facts.tsa !== undefined ? { tsa: facts.tsa } : {}),
      ...(result?.development ? { development: true } : {}),
    },
  };
}

/**
 * The four time-stamp checks of every stamp of a receipt (each check: `fail` if it fails for any
 * stamp, else that of the first stamp), and the time the first stamp gives.
 */
export function timestampChecks(
  stamps: readonly ReceiptStamp[] | undefined,
  ctx: StampContext,
): { checks: Check[]; stamp?: StampFacts } {
  if (stamps === undefined || stamps.length === 0) return { checks: noStamp() };
  const all = stamps.map((s) => stampChecks(s, ctx));
  const checks = TIMESTAMP_IDS.map((id) => {
    const failed = all.find((r) => r.four[id].status === 'fail');
    return (failed ?? all[0]!).four[id];
  });
  const facts = all[0]!.facts;
  return { checks, ...(facts ? { stamp: facts } : {}) };
}
