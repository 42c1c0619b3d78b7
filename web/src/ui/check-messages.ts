/**
 * The texts of the verification checks and their explanations (ui/checks.ts) as `[中文, English]`; merged into the one table by `texts.ts`.
 */
export const checkMessages = {
  // checks
  'check.status.pass': ['通过', 'passed'],
  'check.status.fail': ['未通过', 'failed'],
  'check.status.skip': ['不适用', 'not applicable'],
  'check.expected': ['应为', 'Expected'],
  'check.actual': ['实际', 'Actual'],
  'check.receipt.shape': ['收据格式', 'Receipt format'],
  'check.entry.canonical': ['日志条目编码', 'Entry encoding'],
  'check.entry.id': ['存证编号', 'Deposit number'],
  'check.opening.commitment': ['存证内容承诺值', 'Commitment to the deposit'],
  'check.file.sha256': ['文件 SHA-256 摘要', 'File SHA-256 digest'],
  'check.file.sm3': ['文件 SM3 摘要', 'File SM3 digest'],
  'check.checkpoint.signature': ['检查点签名', 'Checkpoint signature'],
  'check.checkpoint.key_trusted': ['日志公钥可信', 'Trusted log key'],
  'check.checkpoint.origin': ['日志来源', 'Log origin'],
  'check.inclusion': ['包含证明', 'Inclusion proof'],
  'check.consistency': ['日志一致性（只增不改）', 'Log consistency (append-only)'],
  'check.timestamp.imprint': ['时间戳所盖摘要', 'Time-stamp imprint'],
  'check.timestamp.signature': ['时间戳签名', 'Time-stamp signature'],
  'check.timestamp.trusted': ['时间戳机构可信', 'Trusted time-stamp authority'],
  'check.timestamp.covers': ['时间戳覆盖该存证', 'Time-stamp covers the deposit'],
  'check.document.issued': ['证书文件由本平台签发', 'Certificate issued here'],
  'check.explain.receipt.shape': [
    '检查收据是否包含核验所需的全部部分：日志条目、存证内容、包含证明和签名检查点。',
    'Whether the receipt has every part a check needs: the log entry, the deposit content, the inclusion proof and the signed checkpoint.',
  ],
  'check.explain.entry.canonical': [
    '检查日志条目是否按规范的 JSON 编码（RFC 8785）书写，没有被重新排版或夹带内容。',
    'Whether the log entry is canonical JSON (RFC 8785): not re-formatted and carrying nothing extra.',
  ],
  'check.explain.entry.id': [
    '检查日志条目中的存证编号是否就是您要核验的编号。',
    'Whether the deposit number in the log entry is the one you asked about.',
  ],
  'check.explain.opening.commitment': [
    '比对存证内容（文件名、摘要、存证人等）的摘要与日志中的承诺值：一致即说明这些内容自存证以来未被改动。',
    'Compares the digest of the deposit content (file names, digests, depositor…) with the commitment in the log: equal means that content is unchanged since the deposit.',
  ],
  'check.explain.file.sha256': [
    '比对您提供的文件在本机算出的 SHA-256 与存证时记录的 SHA-256。文件哪怕只改动一个字节，摘要也会完全不同。',
    'Compares the SHA-256 computed here of your file with the one deposited. Change a single byte and the digest is entirely different.',
  ],
  'check.explain.file.sm3': [
    '用国密 SM3 算法（GB/T 32905）对同一文件再比对一次。',
    'The same comparison with the SM3 digest (GB/T 32905).',
  ],
  'check.explain.checkpoint.signature': [
    '检查日志检查点（日志在某一时刻的根哈希）的 Ed25519 签名是否有效。',
    'Whether the Ed25519 signature on the log checkpoint (the log’s root hash at a moment) is valid.',
  ],
  'check.explain.checkpoint.key_trusted': [
    '检查签名所用的公钥是否为本服务公布的日志公钥，而不只是证书自带的公钥。',
    'Whether the signing key is the log key this service publishes, not merely a key the document brought along.',
  ],
  'check.explain.checkpoint.origin': [
    '检查检查点是否属于该公钥对应的日志。',
    'Whether the checkpoint belongs to the log this key is for.',
  ],
  'check.explain.inclusion': [
    '按默克尔包含证明（RFC 6962）计算，检查存证条目是否在已签名的日志树中。',
    'Computes the Merkle inclusion proof (RFC 6962): is the deposit entry in the signed log tree?',
  ],
  'check.explain.consistency': [
    '检查日志当前的树是否为收据中那棵树的延续：即存证之后日志只增加、从未改写。',
    'Whether the log’s current tree extends the receipt’s: since the deposit the log only grew and was never rewritten.',
  ],
  'check.explain.timestamp.imprint': [
    '检查 RFC 3161 时间戳令牌所盖的 SHA-256 摘要是否正是所附检查点（日志签名文本）的摘要。',
    'Whether the SHA-256 digest the RFC 3161 time-stamp token is over is that of the attached checkpoint (the log’s signed note).',
  ],
  'check.explain.timestamp.signature': [
    '检查时间戳机构对令牌的签名是否有效，且签名证书专用于时间戳。浏览器中也核验此项。',
    'Whether the time-stamp authority’s signature on the token is valid and its certificate is for time-stamping. Checked in the browser too.',
  ],
  'check.explain.timestamp.trusted': [
    '检查时间戳机构的证书是否链到您信任的根证书（命令行 --tsa-ca）。开发用时间戳机构从不视为可信。浏览器中没有信任根证书，不核验此项：请用 huicun verify --tsa-ca 或服务器核验。',
    'Whether the time-stamp authority’s certificate chains to a CA you trust (--tsa-ca on the command line). The development TSA is never trusted. The browser has no trust anchors and does not check it: use huicun verify --tsa-ca or the server.',
  ],
  'check.explain.timestamp.covers': [
    '检查被盖时间戳的检查点由日志公钥签名并包含该存证：即存证不晚于时间戳时间。',
    'Whether the stamped checkpoint is signed by the log key and holds the deposit: the deposit existed by the stamped time.',
  ],
  'check.explain.document.issued': [
    '检查该 PDF 文件的摘要是否记在日志的“证书签发”事件中：即证书本身未被改动。',
    'Whether this PDF’s digest is recorded by a “certificate issued” event in the log, i.e. the document itself is unchanged.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
