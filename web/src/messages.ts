/**
 * The texts every page shares as `[中文, English]`: the shell, roles and states, common actions
 * and fields, and the error codes of the API. Chinese is the product's first language;
 * placeholders are `{name}`. Each page keeps its own texts beside it; `texts.ts` merges the tables.
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

  'notFound.title': ['页面不存在', 'Page not found'],
  'notFound.lead': ['您访问的页面不存在或已移动。', 'This page does not exist or has moved.'],
} as const satisfies Record<string, readonly [string, string]>;
