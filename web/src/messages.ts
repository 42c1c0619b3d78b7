/**
 * Every text of the web application as `[中文, English]`. Chinese is the product's first
 * language; placeholders are `{name}`. Some areas keep their texts beside their pages; `texts.ts` merges the
 * tables.
 */
export const messages = {
  // brand and shell
  'brand.name': ['汇存', 'huicun'],
  'brand.tagline': ['电子数据存证平台', 'Electronic evidence deposit'],
  'shell.skip': ['跳到主要内容', 'Skip to main content'],
  'shell.nav': ['主导航', 'Main navigation'],
  'shell.login': ['登录', 'Sign in'],
  'shell.logout': ['退出', 'Sign out'],
  'shell.register': ['注册', 'Register'],
  'shell.switchLang': ['Switch to English', '切换到中文'],
  'footer.about': [
    '汇存 — 电子数据存证与核验服务。存证记录写入可公开审计的 RFC 6962 默克尔日志，任何人都可以独立核验。',
    'huicun — electronic evidence deposit and verification. Every deposit is recorded in a publicly auditable RFC 6962 Merkle log that anyone can check independently.',
  ],
  'footer.logKey': ['日志公钥', 'Log key'],
  'footer.checkpoint': ['最新检查点', 'Latest checkpoint'],
  'footer.api': ['接口文档（OpenAPI）', 'API (OpenAPI)'],
  'footer.law': [
    '依据《人民法院在线诉讼规则》第十六条至第十九条：经技术核验一致的存证数据，推定其存证后未被篡改；存证之前发生的事实不在证明范围之内。',
    'Under the Online Litigation Rules of the People’s Courts, Art. 16–19, deposited data that verifies is presumed unaltered since deposit; what happened before the deposit is not proven.',
  ],
  'nav.home': ['首页', 'Home'],
  'nav.verify': ['公开核验', 'Public check'],
  'nav.checkCertificate': ['核验证书', 'Verify a certificate'],
  'nav.deposits': ['我的存证', 'My deposits'],
  'nav.newDeposit': ['新建存证', 'New deposit'],
  'nav.queue': ['出证申请', 'Applications'],
  'nav.judge': ['共享存证', 'Shared deposits'],
  'nav.admin': ['用户管理', 'Users'],
  'common.loading': ['正在加载…', 'Loading…'],

  // roles, states, methods
  'role.depositor': ['存证人', 'Depositor'],
  'role.notary': ['公证员', 'Notary'],
  'role.judge': ['法官', 'Judge'],
  'role.admin': ['管理员', 'Administrator'],
  'role.system': ['系统', 'System'],
  'state.submitted': ['待受理', 'Submitted'],
  'state.in_review': ['审查中', 'In review'],
  'state.approved': ['已批准', 'Approved'],
  'state.issued': ['已出证', 'Issued'],
  'state.rejected': ['已驳回', 'Rejected'],
  'state.withdrawn': ['已撤回', 'Withdrawn'],
  'method.upload': ['文件上传', 'Upload'],
  'method.hash-only': ['仅摘要', 'Hash only'],

  // actions
  'action.copy': ['复制', 'Copy'],
  'action.copied': ['已复制', 'Copied'],
  'action.remove': ['移除', 'Remove'],
  'action.cancel': ['取消', 'Cancel'],
  'files.orChoose': ['或点击选择文件', 'or click to choose'],

  // fields
  'field.username': ['用户名', 'Username'],
  'field.password': ['密码', 'Password'],
  'field.displayName': ['显示名称', 'Display name'],
  'field.realName': ['真实姓名', 'Legal name'],
  'field.idNumber': ['居民身份证号码', 'Resident ID number'],
  'field.title': ['存证标题', 'Title'],
  'field.description': ['说明', 'Description'],
  'field.purpose': ['申请用途', 'Purpose'],
  'field.contact': ['联系方式', 'Contact'],
  'field.note': ['备注', 'Note'],
  'field.court': ['法院', 'Court'],
  'field.caseNumber': ['案号', 'Case number'],
  'field.office': ['公证处', 'Notary office'],
  'field.role': ['角色', 'Role'],
  'field.code': ['共享码', 'Share code'],
  'field.expiresAt': ['有效期至', 'Valid until'],
  'field.reason': ['理由', 'Reason'],

  // errors (codes from the API)
  'error.generic': [
    '操作未成功（{code}），请稍后再试。',
    'That did not work ({code}). Please try again later.',
  ],
  'error.NETWORK': [
    '无法连接服务器，请检查网络后重试。',
    'The server cannot be reached. Check the connection and try again.',
  ],
  'error.INVALID_CREDENTIALS': ['用户名或密码不正确。', 'The username or password is not correct.'],
  'error.LOGIN_THROTTLED': [
    '从您所在的网络登录该账户失败次数过多，为防止猜测密码已暂停登录。',
    'Too many failed sign-ins to this account from your network: signing in is paused against password guessing.',
  ],
  'error.LOGIN_THROTTLED_ACCOUNT': [
    '该账户近期从多个网络登录失败次数过多，为防止猜测密码已暂停从这些网络登录；换一个网络登录不受影响。',
    'This account has had many failed sign-ins from several networks: those networks are paused against password guessing; another network is not affected.',
  ],
  'error.LOGIN_THROTTLED_ADDRESS': [
    '您所在的网络近期登录失败次数过多，为防止猜测密码已暂停登录。',
    'There have been many failed sign-ins from your network: signing in is paused against password guessing.',
  ],
  'error.PASSWORD_BLANK': [
    '密码不能只由空格或其他空白字符组成。',
    'The password cannot be only spaces or other blank characters.',
  ],
  'error.ID_NUMBER_REGISTERED': [
    '该身份证号已注册过账户，请直接登录；如有疑问请联系管理员。',
    'An account is already registered with this ID number. Sign in to it, or contact the administrator.',
  ],
  'error.ACCOUNT_DISABLED': [
    '该账户已被停用，请联系管理员。',
    'This account is disabled. Contact the administrator.',
  ],
  'error.USERNAME_TAKEN': ['该用户名已被使用。', 'This username is taken.'],
  'error.AUTH_REQUIRED': ['请先登录。', 'Please sign in first.'],
  'error.ROLE_FORBIDDEN': ['您的角色无权进行此操作。', 'Your role may not do this.'],
  'error.DEPOSIT_NOT_FOUND': [
    '未找到该存证，或您无权查看。',
    'No such deposit, or you may not see it.',
  ],
  'error.MISSING_TITLE': ['请填写存证标题。', 'Please give the deposit a title.'],
  'error.FIELD_TOO_LONG': [
    '有一项内容超过长度上限，请删减后重试（不会自动截断）。',
    'A field is longer than its limit: shorten it and try again (nothing is cut for you).',
  ],
  'error.INVALID_FILE_NAME': [
    '文件名含有不允许的字符（斜杠或形似斜杠的符号、控制字符、双向控制字符或不可见字符），请重命名后重试。',
    'A file name has a character that is not allowed (a slash or look-alike, a control, bidirectional or invisible character): rename the file and try again.',
  ],
  'error.FILE_TOO_LARGE': [
    '文件超过上传上限：请改用“仅提交摘要”。',
    'A file is over the upload limit: use “hash only” instead.',
  ],
  'error.INSUFFICIENT_STORAGE': [
    '服务器存储空间不足，请稍后再试或改用“仅提交摘要”。',
    'The server is low on storage. Try later or use “hash only”.',
  ],
  'error.ROUTE_NOT_FOUND': ['服务器暂不支持此功能。', 'The server does not offer this yet.'],
  'error.SHARE_CODE_INVALID': [
    '共享码无效，请核对后重试。',
    'The share code is not valid. Check it and try again.',
  ],
  'error.SHARE_NOT_FOUND': [
    '共享码无效、已过期或已被撤销。',
    'The share code is not valid, has expired or was revoked.',
  ],
  'error.COURT_MISMATCH': [
    '该共享码不是共享给您所在法院的。',
    'This share code was not issued to your court.',
  ],
  'error.REASON_REQUIRED': ['驳回申请必须填写理由。', 'A rejection needs a reason.'],
  'error.ILLEGAL_TRANSITION': [
    '申请当前的状态不允许此操作，请刷新页面。',
    'The application’s state does not allow this. Reload the page.',
  ],
  'error.NOT_A_HUICUN_PDF': [
    '这不是本平台出具的 PDF 证书，请改用收据 JSON 文件。',
    'This is not a PDF certificate issued here: use the receipt JSON instead.',
  ],
  'error.REPORT_UNAVAILABLE': [
    '服务器暂时不能出具核验报告。',
    'The server cannot produce verification reports yet.',
  ],
  'error.RATE_LIMITED': [
    '请求过于频繁，请稍后再试。',
    'Too many requests in a short time. Please wait a moment.',
  ],
  'error.REQUEST_TOO_SLOW': [
    '上传速度过慢，连接已被服务器中断。请检查网络后重试，或改用“仅提交摘要”。',
    'The upload was too slow and the server cut it off. Check the connection and try again, or use “hash only”.',
  ],
  'error.FORWARDED_REQUEST_REFUSED': [
    '此功能只能在服务器本机直接访问，不能经代理访问；或请以管理员身份登录。',
    'This is only available directly on the server itself, not through a proxy; or sign in as an administrator.',
  ],

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

  // login and registration
  'login.title': ['登录', 'Sign in'],
  'login.submit': ['登录', 'Sign in'],
  'login.noAccount': ['还没有账户？', 'No account yet?'],
  'login.register': ['注册为存证人', 'Register as a depositor'],
  'register.title': ['注册存证人账户', 'Register as a depositor'],
  'register.lead': [
    '您的真实姓名与掩码后的身份证号将显示在存证证书上（自行申报）。',
    'Your legal name and masked ID number appear on your certificates (self-declared).',
  ],
  'register.usernameHint': [
    '3–32 位小写字母、数字或 . _ -',
    '3–32 lower-case letters, digits, . _ -',
  ],
  'register.passwordHint': ['至少 10 个字符。', 'At least 10 characters.'],
  'register.passwordShort': [
    '密码至少需要 10 个字符。',
    'The password needs at least 10 characters.',
  ],
  'register.realNameHint': ['与身份证一致。', 'As on your ID card.'],
  'register.idHint': [
    '18 位，最后一位可为 X。加密保存，只以掩码显示（如 3101**********1234）。',
    '18 characters; the last may be X. Stored encrypted and only ever shown masked (e.g. 3101**********1234).',
  ],
  'register.idInvalid': [
    '身份证号码格式或校验位不正确（GB 11643）。',
    'The ID number’s format or check character is not valid (GB 11643).',
  ],
  'register.submit': ['注册', 'Register'],
  'register.haveAccount': ['已有账户？', 'Already registered?'],

  // deposits list
  'deposits.title': ['我的存证', 'My deposits'],
  'deposits.lead': ['您提交的全部存证，最新的在前。', 'All your deposits, newest first.'],
  'deposits.new': ['新建存证', 'New deposit'],
  'deposits.search': ['搜索', 'Search'],
  'deposits.searchHint': [
    '按存证编号、标题、文件名或摘要（SHA-256 / SM3，至少 6 位）查找。',
    'By deposit number, title, file name or digest (SHA-256 / SM3, 6 characters or more).',
  ],
  'deposits.count': ['共 {n} 份存证', '{n} deposits'],
  'deposits.countFiltered': ['找到 {n} 份（共 {total} 份）', '{n} of {total} deposits'],
  'deposits.empty': ['还没有存证。', 'No deposits yet.'],
  'deposits.noMatch': ['没有符合条件的存证。', 'No deposit matches.'],
  'deposits.col.number': ['存证编号', 'Number'],
  'deposits.col.title': ['标题', 'Title'],
  'deposits.col.files': ['文件', 'Files'],
  'deposits.col.method': ['方式', 'Method'],
  'deposits.col.time': ['存证时间', 'Deposited'],
  'deposits.col.notary': ['公证', 'Notarisation'],
  'deposits.fileCount': ['{n} 个文件', '{n} file(s)'],

  // new deposit
  'newDeposit.title': ['新建存证', 'New deposit'],
  'newDeposit.lead': [
    '提交后立即生成存证编号、签名收据和存证证书。',
    'You get a deposit number, a signed receipt and a certificate as soon as you submit.',
  ],
  'newDeposit.about': ['存证内容', 'What you deposit'],
  'newDeposit.titleHint': [
    '例如：“2026 年供货合同及往来邮件”。',
    'For example: “2026 supply contract and emails”.',
  ],
  'newDeposit.files': ['文件', 'Files'],
  'newDeposit.hashOnly': [
    '仅提交摘要（文件不离开本机）',
    'Hash only (the files stay on this computer)',
  ],
  'newDeposit.hashOnlyHint': [
    '开启后，浏览器在本机分段读取文件并计算 SHA-256 与 SM3 摘要，只提交摘要和文件大小。证书将注明平台未收到文件。',
    'When on, this browser reads the files in slices and computes SHA-256 and SM3 here; only the digests and sizes are sent. The certificate says the files were not received.',
  ],
  'newDeposit.drop': ['将文件拖放到这里', 'Drop files here'],
  'newDeposit.dropHint': ['可一次选择多个文件。', 'You can choose several files at once.'],
  'newDeposit.noFiles': ['尚未选择文件。', 'No files chosen yet.'],
  'newDeposit.summary': ['已选择 {n} 个文件，共 {size}', '{n} file(s) chosen, {size} in all'],
  'newDeposit.remove': ['移除 {name}', 'Remove {name}'],
  'newDeposit.hashing': ['正在本机计算摘要：{name}', 'Hashing on this computer: {name}'],
  'newDeposit.hashed': ['{name} 的摘要已算好', 'Digests of {name} are ready'],
  'newDeposit.hashFailed': ['无法读取文件：{message}', 'The file could not be read: {message}'],
  'newDeposit.hashIncomplete': [
    '有文件的摘要未能算出，请移除后重试。',
    'A file could not be hashed: remove it and try again.',
  ],
  'newDeposit.uploading': ['上传进度', 'Upload progress'],
  'newDeposit.submit': ['上传并存证', 'Upload and deposit'],
  'newDeposit.submitHashOnly': ['提交摘要并存证', 'Deposit the digests'],
  'newDeposit.needTitle': ['请填写存证标题。', 'Please give the deposit a title.'],
  'newDeposit.needFiles': ['请至少选择一个文件。', 'Please choose at least one file.'],
  'newDeposit.done': ['存证成功', 'Deposited'],
  'newDeposit.afterTitle': ['提交后您将获得', 'What you get'],
  'newDeposit.after1': [
    '存证编号：日志中的唯一编号，带校验位。',
    'A deposit number: a unique log index with a check character.',
  ],
  'newDeposit.after2': [
    '签名收据：包含证明与签名检查点，可离线核验。',
    'A signed receipt: the inclusion proof and signed checkpoint, verifiable offline.',
  ],
  'newDeposit.after3': [
    '存证证书（PDF）：列明文件清单、SHA-256 与 SM3 摘要、存证时间和核验方法。',
    'A certificate (PDF) listing the files, their SHA-256 and SM3 digests, the time and how to verify.',
  ],

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

  // custody
  'custody.title': ['保管记录', 'Custody trail'],
  'custody.lead': [
    '查阅、下载、共享和出证的每一步都作为事件写入日志。',
    'Every read, download, share and notarial step is an event in the log.',
  ],
  'custody.empty': ['暂无保管事件。', 'No custody events yet.'],
  'custody.unavailable': [
    '服务器暂不提供保管记录。',
    'The server does not offer the custody trail yet.',
  ],
  'custody.logIndex': ['日志序号 {index}', 'log index {index}'],
  'event.viewed': ['查阅', 'Viewed'],
  'event.downloaded': ['下载文件', 'File downloaded'],
  'event.shared': ['共享给法院', 'Shared with a court'],
  'event.share-redeemed': ['法官兑换共享码', 'Share redeemed by a judge'],
  'event.share-revoked': ['撤销共享', 'Share revoked'],
  'event.claim-code-reissued': ['重新签发取件码', 'Claim code reissued'],
  'event.claimed': ['认领存证', 'Claimed'],
  'event.notarisation-submitted': ['提交出证申请', 'Notarisation applied for'],
  'event.notarisation-claimed': ['公证员受理', 'Taken up by a notary'],
  'event.notarisation-approved': ['公证员批准', 'Approved by the notary'],
  'event.notarisation-rejected': ['公证员驳回', 'Rejected by the notary'],
  'event.notarisation-withdrawn': ['撤回申请', 'Application withdrawn'],
  'event.notarisation-issued': ['出具公证证明', 'Notarial certificate issued'],
  'event.certificate-issued': ['生成证书文件', 'Certificate document made'],

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

  // notary
  'queue.title': ['出证申请', 'Notarisation applications'],
  'queue.lead': [
    '待受理的申请对所有公证员可见；受理后只有承办公证员可以查阅与决定。',
    'Submitted applications are open to every notary; once taken up, only that notary reads and decides.',
  ],
  'queue.filter': ['按状态筛选', 'Filter by state'],
  'queue.all': ['全部', 'All'],
  'queue.empty': ['此状态下没有申请。', 'No applications in this state.'],
  'queue.col.application': ['申请编号', 'Application'],
  'queue.col.deposit': ['存证编号', 'Deposit'],
  'queue.col.applicant': ['申请人', 'Applicant'],
  'queue.col.time': ['申请时间', 'Applied'],
  'queue.col.state': ['状态', 'State'],
  'queue.review': ['审查', 'Review'],
  'review.title': ['审查出证申请', 'Review an application'],
  'review.heading': ['审查：{title}', 'Review: {title}'],
  'review.application': ['申请信息', 'Application'],
  'review.deposit': ['存证', 'Deposit'],
  'review.decision': ['办理', 'Decision'],
  'review.claimLead': [
    '受理后，由您承办此申请，其他公证员将无法查阅。',
    'Take it up to handle it yourself; other notaries will no longer see it.',
  ],
  'review.claim': ['受理', 'Take up'],
  'review.decideLead': [
    '核对文件、摘要、收据与保管记录后作出决定。',
    'Check the files, digests, receipt and custody trail, then decide.',
  ],
  'review.approve': ['批准', 'Approve'],
  'review.reject': ['驳回', 'Reject'],
  'review.or': ['或者', 'or'],
  'review.reason': ['驳回理由', 'Reason for rejection'],
  'review.reasonHint': [
    '驳回时必填，申请人可以看到。',
    'Required to reject; the applicant sees it.',
  ],
  'review.reasonRequired': ['请填写驳回理由。', 'Please give a reason for the rejection.'],
  'review.issueLead': [
    '出具经签名的公证证明（PDF），并记入日志。',
    'Issue the signed notarial certificate (PDF); it is logged.',
  ],
  'review.issue': ['出具公证证明', 'Issue the certificate'],
  'review.issuedAs': [
    '已出具公证证明，编号 {number}。',
    'Notarial certificate issued, number {number}.',
  ],
  'review.closed': ['此申请已结束。', 'This application is closed.'],
  'review.receipt': ['收据状态', 'Receipt status'],
  'review.receiptOk': [
    '收据核验通过：条目包含在大小为 {size} 的已签名日志树中。',
    'The receipt verifies: the entry is in the signed log tree of size {size}.',
  ],
  'review.receiptBad': ['收据核验未通过，请勿出证。', 'The receipt does not verify: do not issue.'],
  'review.history': ['办理经过', 'History'],

  // judge
  'judge.title': ['共享存证', 'Shared deposits'],
  'judge.lead': [
    '所在法院：{court}。凭当事人提供的共享码查阅存证。',
    'Court: {court}. Open a deposit with the share code a party gives you.',
  ],
  'judge.shared': ['已共享给您的存证', 'Deposits shared with you'],
  'judge.none': [
    '暂无共享给您的存证。请在右侧输入当事人提供的共享码。',
    'Nothing shared with you yet. Enter a share code from a party on the right.',
  ],
  'judge.redeemTitle': ['兑换共享码', 'Redeem a share code'],
  'judge.code': ['共享码', 'Share code'],
  'judge.codeHint': [
    '7 组、每组 4 位字母或数字，可不输入连字符。',
    '7 groups of 4 letters or digits; hyphens optional.',
  ],
  'judge.redeem': ['兑换', 'Redeem'],
  'judge.verify': ['核验', 'Verify'],
  'judge.verifyTitle': ['核验证书', 'Verify a certificate'],
  'judge.verifyLead': [
    '将当事人提交的证书（或收据）与证据文件放在一起核验；文件只在本机计算摘要。',
    'Check a certificate (or receipt) a party filed against the evidence file; the file is hashed on this computer only.',
  ],

  // public verification
  'publicVerify.title': ['公开核验', 'Public check'],
  'publicVerify.lead': [
    '核对一个文件或摘要是否与存证一致。文件只在您的浏览器中计算摘要，不会上传；结果不显示任何个人信息。',
    'Check whether a file or digest matches a deposit. The file is hashed in your browser and never uploaded; no personal data is shown.',
  ],
  'publicVerify.number': ['存证编号（可选）', 'Deposit number (optional)'],
  'publicVerify.numberHint': [
    '如 HC 00000 00012 3，空格可省略。',
    'Like HC 00000 00012 3; spaces optional.',
  ],
  'publicVerify.byFile': ['方式一：拖入文件', 'Either: drop the file'],
  'publicVerify.byDigest': ['方式二：输入摘要', 'Or: type a digest'],
  'publicVerify.drop': ['将文件拖放到这里', 'Drop the file here'],
  'publicVerify.digest': ['文件摘要（64 位十六进制）', 'File digest (64 hex characters)'],
  'publicVerify.digestHint': ['例如 sha256sum 的输出。', 'For example, what sha256sum prints.'],
  'publicVerify.algorithm': ['摘要算法', 'Algorithm'],
  'publicVerify.submit': ['核验', 'Check'],
  'publicVerify.result': ['核验结果', 'Result'],
  'publicVerify.waiting': [
    '拖入文件或输入摘要后按“核验”，结果将显示在这里。',
    'Drop a file or type a digest, then press Check: the answer appears here.',
  ],
  'publicVerify.match': ['一致：存在相符的存证', 'Match: a deposit has it'],
  'publicVerify.noMatch': ['未找到相符的存证', 'No matching deposit'],
  'publicVerify.needInput': ['请拖入文件或输入摘要。', 'Drop a file or type a digest.'],
  'publicVerify.badDigest': [
    '摘要应为 64 位十六进制字符。',
    'A digest is 64 hexadecimal characters.',
  ],
  'publicVerify.badNumber': [
    '存证编号格式不正确（HC + 10 位数字 + 校验位）。',
    'Not a deposit number (HC, 10 digits and a check character).',
  ],
  'publicVerify.foundIn': [
    '与存证 {id} 一致。存证时间：{time}。',
    'It matches deposit {id}, deposited {time}.',
  ],
  'publicVerify.foundAny': [
    '存在包含该摘要的存证，最早为 {id}，存证时间：{time}（共 {n} 份）。',
    'A deposit with this digest exists: the earliest is {id}, deposited {time} ({n} in all).',
  ],
  'publicVerify.notFoundIn': [
    '与存证 {id} 不一致，或该存证不存在。',
    'It does not match deposit {id}, or there is no such deposit.',
  ],
  'publicVerify.notFound': ['没有包含该摘要的存证。', 'No deposit has this digest.'],
  'publicVerify.privacy': [
    '公开核验只回答“存在／不存在”和存证时间，不显示存证人、文件名或其他内容。',
    'A public check only answers found / not found and the deposit time; it shows no depositor, file name or other content.',
  ],
  'publicVerify.haveCertificate': ['持有证书 PDF 或收据？', 'Have the certificate PDF or receipt?'],

  // full verification
  'verify.title': ['核验证书', 'Verify a certificate'],
  'verify.lead': [
    '将证书（PDF）或收据与证据文件一起核验。全部计算都在本浏览器中完成，证据文件不会上传；核验程序与命令行工具 huicun verify 相同。',
    'Check a certificate (PDF) or receipt against the evidence file. Everything runs in this browser and the evidence file is never uploaded; the verifier is the same as the huicun verify command.',
  ],
  'verify.step1': ['① 证书或收据', '① Certificate or receipt'],
  'verify.step2': ['② 证据文件', '② Evidence file'],
  'verify.dropCertificate': [
    '将存证证书 PDF 或收据拖放到这里',
    'Drop the certificate PDF or receipt here',
  ],
  'verify.certificateHint': [
    '支持本平台出具的 PDF 证书、收据 JSON 与 tlog-proof 文本。',
    'Certificates issued here (PDF), receipt JSON, or tlog-proof text.',
  ],
  'verify.dropFile': ['将证据文件拖放到这里', 'Drop the evidence file here'],
  'verify.fileHint': [
    '只在本机计算 SHA-256 与 SM3 摘要，不会上传。',
    'Only hashed here (SHA-256 and SM3); never uploaded.',
  ],
  'verify.hashing': ['正在本机计算摘要', 'Hashing on this computer'],
  'verify.hashed': ['文件摘要已算好', 'The file’s digests are ready'],
  'verify.number': ['存证编号（可选）', 'Deposit number (optional)'],
  'verify.numberHint': [
    '填写后还将核对证书确属该编号。',
    'If given, the certificate must be for this number.',
  ],
  'verify.submit': ['开始核验', 'Verify'],
  'verify.needCertificate': [
    '请先放入证书 PDF 或收据。',
    'Please add the certificate PDF or receipt first.',
  ],
  'verify.unreadable': [
    '无法读取证书或收据：{message}',
    'The certificate or receipt cannot be read: {message}',
  ],
  'verify.result': ['核验结果', 'Result'],
  'verify.verified': ['核验通过', 'Verified'],
  'verify.notVerified': ['核验未通过', 'Not verified'],
  'verify.verifiedWithFile': [
    '文件“{name}”与证书记载的存证一致，且存证已记入日志并由本平台的日志公钥签名。',
    'The file “{name}” matches the deposit on the certificate, and the deposit is in the log signed by this service’s key.',
  ],
  'verify.verifiedNoFile': [
    '证书（收据）真实有效；未提供证据文件，文件摘要未核对。',
    'The certificate (receipt) is genuine; no evidence file was given, so no file was compared.',
  ],
  'verify.fileChanged': [
    '文件与存证时的摘要不一致：文件在存证后被改动过，或不是存证的那个文件。',
    'The file’s digests differ from those deposited: it was changed after the deposit, or it is another file.',
  ],
  'verify.notVerifiedDetail': [
    '至少一项核验未通过，详见下方各项说明。',
    'At least one check failed; see each check below.',
  ],
  'verify.matchedFile': ['对应的存证文件', 'Deposited file matched'],
  'verify.document': ['核验的文件', 'Document checked'],
  'verify.kind.pdf': ['PDF 证书', 'PDF certificate'],
  'verify.kind.receipt': ['收据 JSON', 'receipt JSON'],
  'verify.kind.tlog-proof': ['tlog-proof', 'tlog-proof'],
  'verify.tree': ['日志树', 'Log tree'],
  'verify.treeValue': ['大小 {size}，来源 {origin}', 'size {size}, origin {origin}'],
  'verify.logKey': ['所用日志公钥（取自本服务器）', 'Log key used (from this server)'],
  'verify.checks': ['逐项核验', 'Every check'],
  'verify.details': ['核验依据', 'What was checked'],
  'verify.countOk': [
    '{total} 项核验中 {passed} 项通过，没有未通过的项目。',
    '{passed} of {total} checks passed; none failed.',
  ],
  'verify.countBad': [
    '{total} 项核验中 {passed} 项通过；未通过：{failed}。',
    '{passed} of {total} checks passed; failed: {failed}.',
  ],
  'verify.listSep': ['、', ', '],
  'verify.localNote': [
    '证据文件只在本机计算摘要。日志公钥、当前检查点与一致性证明取自本服务器；也可以用 huicun verify 命令离线复核。',
    'The evidence file was hashed on this computer only. The log key, the current checkpoint and the consistency proof came from this server; huicun verify repeats the check offline.',
  ],
  'verify.report': ['下载签名核验报告（PDF）', 'Download the signed verification report (PDF)'],
  'verify.reportHint': [
    '由服务器出具并签名，记入保管记录。',
    'Issued and signed by the server; recorded on the custody trail.',
  ],
  'verify.reportNeedsInput': [
    '请先放入证据文件或证书。',
    'Add the evidence file or the certificate first.',
  ],
  'verify.reportNotReadable': [
    '服务器未能为此次核验出具报告：您无权查阅该存证，或文件与存证不一致。',
    'The server made no report for this check: you may not read this deposit, or the file does not match it.',
  ],

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
  'check.explain.document.issued': [
    '检查该 PDF 文件的摘要是否记在日志的“证书签发”事件中：即证书本身未被改动。',
    'Whether this PDF’s digest is recorded by a “certificate issued” event in the log, i.e. the document itself is unchanged.',
  ],

  // admin
  'admin.title': ['用户管理', 'Users'],
  'admin.lead': [
    '创建公证员、法官和管理员账户，停用（须写明理由）或恢复账户，重设密码。每项操作都作为管理事件写入日志。',
    'Create notary, judge and administrator accounts; disable (with a reason) or enable accounts; reset passwords. Each action is an admin entry in the log.',
  ],
  'admin.users': ['全部账户', 'All accounts'],
  'admin.filterRole': ['按角色筛选', 'Filter by role'],
  'admin.allRoles': ['全部角色', 'All roles'],
  'admin.role': ['角色', 'Role'],
  'admin.extra': ['法院／公证处／身份', 'Court / office / ID'],
  'admin.created': ['创建时间', 'Created'],
  'admin.state': ['状态', 'State'],
  'admin.active': ['正常', 'Active'],
  'admin.disabled': ['已停用', 'Disabled'],
  'admin.enable': ['恢复', 'Enable'],
  'admin.disable': ['停用', 'Disable'],
  'admin.self': ['当前账户', 'You'],
  'admin.createTitle': ['创建账户', 'Create an account'],
  'admin.initialPassword': ['初始密码', 'Initial password'],
  'admin.courtHint': ['法官必填：法院全称。', 'Required for judges: the court’s full name.'],
  'admin.create': ['创建', 'Create'],
  'admin.created.ok': ['已创建账户 {name}。', 'Account {name} created.'],
  'admin.rolesTitle': ['关于角色', 'About roles'],
  'admin.rolesNote': [
    '角色在创建账户时确定；停用立即生效，被停用的账户无法登录或调用接口。',
    'The role is set when the account is created; disabling takes effect at once, and a disabled account cannot sign in or call the API.',
  ],

  'notFound.title': ['页面不存在', 'Page not found'],
  'notFound.lead': ['您访问的页面不存在或已移动。', 'This page does not exist or has moved.'],
} as const satisfies Record<string, readonly [string, string]>;

/** The keys of the main table (every key of the app: `TextKey` in `texts.ts`). */
export type MessageKey = keyof typeof messages;
