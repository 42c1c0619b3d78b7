/**
 * The texts of the deposit page and its file manifest as `[中文, English]` (docs/web.md): plain
 * words in front, the log's technical terms behind 技术详情, previews and copy buttons. Merged
 * into the one table by `i18n.ts`.
 */
export const depositMessages = {
  // plain words in front
  'depositPage.recorded': [
    '存证时间和文件摘要已写入公开日志，之后无法删改；任何人都可以凭存证编号核验。',
    'The time and the file digests are in the public log and cannot be changed later; anyone can check them with the deposit number.',
  ],
  'depositPage.documentsLead': [
    '存证证书是交给法院或他人的正式文件：已签名，内含收据，离线也能核验。',
    'The deposit certificate is the document to hand to a court or anyone else: signed, with the receipt inside, and it verifies offline.',
  ],
  // behind 技术详情
  'depositPage.tech': ['技术详情', 'Technical details'],
  'depositPage.techLead': [
    '以下内容供专业核验工具使用：收据包含本存证在公开日志中的收录证明和日志签名的检查点（checkpoint）；tlog-proof 是同一证明的 C2SP 标准文本格式。',
    'For verification tools: the receipt holds the proof that this deposit is in the public log and the log’s signed checkpoint; tlog-proof is the same proof in the C2SP text format.',
  ],
  'depositPage.logIndexHint': [
    '本存证在公开日志中的位置（从 0 起数）。',
    'Where this deposit is in the public log (counting from 0).',
  ],

  // the file manifest
  'manifest.lead': [
    '摘要是文件的“指纹”：文件改动哪怕一个字节，摘要就完全不同。',
    'A digest is a file’s fingerprint: change a single byte and the digest is entirely different.',
  ],
  'manifest.readsRecorded': [
    '您预览或下载文件，都会作为一次下载记入保管记录。',
    'Previewing or downloading a file is recorded on the custody trail as a download.',
  ],
  'manifest.preview': ['预览', 'Preview'],
  'manifest.previewHide': ['收起预览', 'Hide preview'],
  'manifest.previewOf': ['{name} 的预览', 'Preview of {name}'],
  'manifest.copyDigest': ['复制 {name} 的 {alg} 摘要', 'Copy the {alg} digest of {name}'],
} as const satisfies Record<string, readonly [string, string]>;

export type DepositMessageKey = keyof typeof depositMessages;
