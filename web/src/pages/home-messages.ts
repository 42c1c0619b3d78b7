/**
 * The texts of the home page (home.ts) as `[中文, English]`; merged into the one table by `texts.ts`.
 */
export const homeMessages = {
  // home
  'home.title': ['首页', 'Home'],
  'home.eyebrow': ['电子数据存证 · 公证出证 · 司法核验', 'Deposit · Notarisation · Verification'],
  'home.headline': ['让电子证据经得起核验', 'Electronic evidence that stands up to checking'],
  'home.lead': [
    '上传文件或只提交文件摘要，即刻获得存证编号、签名收据与存证证书；可申请公证出证，并一键共享给审理案件的法院。任何人都可以独立核验。',
    'Upload files or only their digests and get a deposit number, a signed receipt and a certificate at once; apply for notarisation and share with the court hearing your case. Anyone can verify independently.',
  ],
  'home.start': ['注册并开始存证', 'Register and deposit'],
  'home.checkTitle': ['核验存证', 'Check a deposit'],
  'home.checkHint': [
    '输入存证编号或文件的 SHA-256 摘要。',
    'Enter a deposit number or a file’s SHA-256 digest.',
  ],
  'home.checkLabel': ['存证编号或摘要', 'Deposit number or digest'],
  'home.checkButton': ['核验', 'Check'],
  'home.fullCheck': [
    '有证书和原始文件？进行完整核验 →',
    'Have the certificate and the file? Full verification →',
  ],
  'home.servicesLabel': ['服务', 'Services'],
  'home.s1.title': ['存证', 'Deposit'],
  'home.s1.text': [
    '多个文件一次存证；或只在本机计算 SHA-256 与 SM3 摘要，文件不离开您的电脑。',
    'Deposit several files at once, or compute SHA-256 and SM3 digests on your computer: the file never leaves it.',
  ],
  'home.s2.title': ['出证', 'Notarise'],
  'home.s2.text': [
    '向公证处申请出证，公证员审查文件、摘要与保管记录后出具公证证明。',
    'Apply to the notary office; a notary reviews files, digests and the custody trail and issues a notarial certificate.',
  ],
  'home.s3.title': ['核验', 'Verify'],
  'home.s3.text': [
    '法官凭共享码查阅存证，在浏览器中核验证书与原始文件，逐项显示核验结果。',
    'Judges open deposits with a share code and verify the certificate against the original file in the browser, check by check.',
  ],
  'home.trust.title': ['为什么可以信任', 'Why it can be trusted'],
  'home.trust.1': [
    '每份存证写入公开可审计的默克尔日志（RFC 6962），检查点以 Ed25519 签名。',
    'Every deposit goes into a publicly auditable Merkle log (RFC 6962); checkpoints are signed with Ed25519.',
  ],
  'home.trust.2': [
    '公开日志不含个人信息和文件摘要，只含承诺值；身份证号加密保存、仅掩码显示。',
    'The public log holds no personal data and no digests, only commitments; ID numbers are encrypted and shown masked.',
  ],
  'home.trust.3': [
    '同时使用国际通用的 SHA-256 与国家标准 SM3（GB/T 32905）计算文件摘要。',
    'Files are hashed with both SHA-256 and the national standard SM3 (GB/T 32905).',
  ],
  'home.trust.4': [
    '每一次查阅、下载、共享与出证都记入保管记录，并同样写入日志。',
    'Every read, download, share and notarial step is a custody event, logged the same way.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
