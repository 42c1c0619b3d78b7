/**
 * The texts of the 公开日志 / Public log page (public-log.ts) as `[中文, English]`; merged into the
 * one table by `texts.ts`.
 */
export const publicLogMessages = {
  'nav.log': ['公开日志', 'Public log'],
  'log.title': ['公开日志', 'Public log'],
  'log.lead': [
    '每一份存证、每一次查阅与出证、每一项管理操作，都作为一条记录写入一本只增不改的公开日志（RFC 6962 默克尔树）。日志不含个人信息和文件摘要，只含承诺值。任何人都可以用下面的日志公钥和检查点独立核验：证书上的存证确实在日志中，而且日志从未被改写。',
    'Every deposit, every read and notarial step, every admin action is a record in a public, append-only log (an RFC 6962 Merkle tree). The log holds no personal data and no digests, only commitments. With the log key and checkpoint below anyone can check independently that a certificate’s deposit is in the log and that the log was never rewritten.',
  ],
  'log.keyTitle': ['日志公钥', 'Log key'],
  'log.keyLead': [
    '用于核验日志检查点签名的 Ed25519 公钥（C2SP vkey 格式）。核验证书时请使用从本页或其他可信渠道取得的公钥，而不是证书自带的公钥。',
    'The Ed25519 key that verifies the log’s checkpoint signatures (C2SP vkey). When checking a certificate, use the key from this page or another trusted channel, not one the certificate brings along.',
  ],
  'log.origin': ['日志名称（origin）', 'Log origin'],
  'log.vkey': ['公钥（vkey）', 'Key (vkey)'],
  'log.previous': ['以前使用过的公钥', 'Keys used before'],
  'log.checkpointTitle': ['最新检查点', 'Latest checkpoint'],
  'log.checkpointLead': [
    '检查点是日志在某一时刻的状态：记录条数和默克尔树根哈希，由日志公钥签名。收据和证书中的证明都指向这样一个检查点。',
    'A checkpoint is the state of the log at a moment — the number of records and the Merkle root — signed with the log key. The proofs in receipts and certificates point to one.',
  ],
  'log.size': ['记录条数（树大小）', 'Records (tree size)'],
  'log.root': ['根哈希', 'Root hash'],
  'log.signedText': ['已签名的检查点全文', 'The signed checkpoint text'],
  'log.useTitle': ['如何使用', 'How to use them'],
  'log.useVerify': ['核验一份证书', 'Check a certificate'],
  'log.useVerifyText': [
    '用命令行工具 huicun verify，以上面的公钥离线核验证书（或收据）与证据文件：',
    'With the huicun verify command, check a certificate (or receipt) and the evidence file offline against the key above:',
  ],
  'log.useBrowser': [
    '或在浏览器中核验证书（文件不会上传）→',
    'Or check a certificate in this browser (the file is never uploaded) →',
  ],
  'log.useMonitor': ['监督日志', 'Watch the log'],
  'log.useMonitorText': [
    'huicun monitor 记住上一次核验过的检查点，每次运行都检查日志只增不改（一致性证明），发现分叉或改写即以非零状态退出：',
    'huicun monitor keeps the last checkpoint it verified and checks on every run that the log only grew (consistency proofs); it exits non-zero on any fork or rewrite:',
  ],
  'log.useTiles': ['用其他工具读取', 'Read it with other tools'],
  'log.useTilesText': [
    '日志按 C2SP tlog-tiles 规范公开（/tlog/checkpoint 与 /tlog/tile/…），任何兼容的客户端都可以读取和核验。',
    'The log is published per C2SP tlog-tiles (/tlog/checkpoint and /tlog/tile/…): any compatible client can read and check it.',
  ],
  'log.apiTitle': ['接口文档', 'API documentation'],
  'log.apiText': [
    '本服务的全部接口都列在 OpenAPI 3.1 文档中，供开发者和程序读取。',
    'Every route of this service is in the OpenAPI 3.1 document, for developers and programs.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
