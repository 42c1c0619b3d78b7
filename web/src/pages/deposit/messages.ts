/**
 * The texts of the deposit page as `[中文, English]` (docs/web.md): its file manifest (plain
 * words in front, the log's technical terms behind 技术详情, previews and copy buttons), the
 * depositor's notarisation and court shares. Merged into the one table by `texts.ts`.
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

  // one deposit
  'deposit.title': ['存证详情', 'Deposit'],
  'deposit.notFound': ['未找到该存证，或您无权查看。', 'No such deposit, or you may not see it.'],
  'deposit.created': [
    '存证成功。收据与证书已生成，可在右侧下载。',
    'Deposited. The receipt and certificate are ready to download on the right.',
  ],
  'deposit.redeemed': [
    '共享码已兑换，本次查阅已记入保管记录。',
    'Share code redeemed; this access is on the custody trail.',
  ],
  'deposit.facts': ['存证信息', 'Deposit facts'],
  'deposit.number': ['存证编号', 'Deposit number'],
  'deposit.time': ['存证时间', 'Deposit time'],
  'deposit.method': ['存证方式', 'Method'],
  'deposit.methodUpload': ['上传文件（平台保存原件）', 'Upload (the platform keeps the files)'],
  'deposit.methodHashOnly': [
    '仅提交摘要（平台未收到文件）',
    'Hash only (the platform did not receive the files)',
  ],
  'deposit.depositor': ['存证人', 'Depositor'],
  'deposit.selfDeclared': ['自行申报', 'self-declared'],
  'deposit.inPerson': ['公证员当面核验', 'verified in person by a notary'],
  'deposit.agent': ['代办公证员', 'Agent (notary)'],
  'deposit.logIndex': ['日志序号', 'Log index'],
  'deposit.hashOnlyScope': [
    '仅摘要存证：证明这些摘要在存证时间已经提交，文件大小为申报值；平台未收到文件本身。',
    'Hash-only deposit: it proves these digests were presented at the deposit time and the sizes are as declared; the files themselves were not received.',
  ],
  'deposit.files': ['文件清单与摘要', 'Files and digests'],
  'deposit.size': ['大小', 'Size'],
  'deposit.downloadFile': ['下载', 'Download'],
  'deposit.documents': ['证书与收据', 'Certificate and receipt'],
  'deposit.certificate': ['存证证书（PDF）', 'Deposit certificate (PDF)'],
  'deposit.certificateHint': [
    '已签名，内含收据，可离线核验。',
    'Signed, with the receipt embedded; verifies offline.',
  ],
  'deposit.receipt': ['收据（JSON）', 'Receipt (JSON)'],
  'deposit.receiptHint': ['包含证明与签名检查点。', 'Inclusion proof and signed checkpoint.'],
  'deposit.tlogProof': ['tlog-proof 文本', 'tlog-proof text'],
  'deposit.tlogProofHint': ['C2SP tlog-proof@v1 格式。', 'C2SP tlog-proof@v1 format.'],
  'deposit.verifyThis': ['核验此存证', 'Verify this deposit'],

  // notarisation (depositor)
  'notarisation.title': ['公证出证', 'Notarisation'],
  'notarisation.lead': [
    '向公证处申请对本存证出具公证证明。公证员将查阅文件、摘要与保管记录。',
    'Ask the notary office for a notarial certificate of this deposit. A notary will read the files, digests and custody trail.',
  ],
  'notarisation.purposeHint': [
    '例如：“用于民事诉讼举证”。',
    'For example: “evidence in a civil case”.',
  ],
  'notarisation.apply': ['提交出证申请', 'Apply for notarisation'],
  'notarisation.state': ['申请状态', 'State'],
  'notarisation.application': ['申请编号', 'Application'],
  'notarisation.notary': ['承办公证员', 'Notary'],
  'notarisation.certificateNumber': ['公证证明编号', 'Certificate number'],
  'notarisation.rejectedBecause': ['驳回理由：{reason}', 'Rejected because: {reason}'],
  'notarisation.download': ['下载公证证明（PDF）', 'Download the notarial certificate (PDF)'],
  'notarisation.withdraw': ['撤回申请', 'Withdraw'],
  'notarisation.withdrawConfirm': ['确认撤回？再按一次', 'Withdraw? Press again'],

  // sharing
  'share.title': ['法院共享', 'Court shares'],
  'share.lead': [
    '为审理案件的法院生成共享码。只有该法院的法官可以兑换，每次兑换和查阅都记入保管记录。',
    'Make a share code for the court hearing your case. Only judges of that court can redeem it; every redemption and read is on the custody trail.',
  ],
  'share.courtHint': [
    '法院全称，例如“上海市徐汇区人民法院”。',
    'The court’s full name, e.g. “上海市徐汇区人民法院”.',
  ],
  'share.expires': ['有效期至', 'Valid until'],
  'share.create': ['生成共享码', 'Create share code'],
  'share.codeFor': ['共享给 {court} 的共享码：', 'Share code for {court}:'],
  'share.codeOnce': [
    '共享码只显示这一次，平台只保存它的摘要。请现在复制并交给法院。',
    'The code is shown this once; the platform keeps only its digest. Copy it now and give it to the court.',
  ],
  'share.existing': ['已有共享', 'Existing shares'],
  'share.none': ['尚未共享。', 'Not shared yet.'],
  'share.state': ['状态', 'State'],
  'share.redeemed': ['兑换记录', 'Redeemed by'],
  'share.active': ['有效', 'Active'],
  'share.revoked': ['已撤销', 'Revoked'],
  'share.expired': ['已过期', 'Expired'],
  'share.revoke': ['撤销', 'Revoke'],
  'share.revokeConfirm': ['确认撤销？再按一次', 'Revoke? Press again'],
} as const satisfies Record<string, readonly [string, string]>;
