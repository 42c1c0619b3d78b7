/**
 * The texts of errors as `[中文, English]` (docs/web.md, "Errors beside their fields"): one for
 * every code the API can answer with (with those of `messages.ts` and `court-messages.ts`;
 * test/web/error-messages.test.ts fails when a code has none), what is wrong with a field
 * (`problem.*`, from the answer's `issues`), the rule of a field whose format is its own
 * (`rule.*`), and the names of the fields errors name. Merged into the one table by `texts.ts`.
 */
export const errorMessages = {
  // what is wrong with one field (the answer's `issues[].problem`, or the browser's own check)
  'problem.required': ['请填写“{field}”。', 'Please fill in “{field}”.'],
  'problem.type': ['“{field}”的格式不对，请重新填写。', '“{field}” is not in the right form.'],
  'problem.unicode': [
    '“{field}”含有无法识别的字符，请重新输入。',
    '“{field}” has a character that cannot be read: type it again.',
  ],
  'problem.character': [
    '“{field}”含有不允许的字符 {codePoint}（换行、控制字符、双向控制字符或不可见字符），请删除后重试。',
    '“{field}” has a character that is not allowed, {codePoint} (a line break, control, bidirectional or invisible character): remove it and try again.',
  ],
  'problem.too-short': [
    '“{field}”至少需要 {min} 个字符。',
    '“{field}” needs at least {min} characters.',
  ],
  'problem.too-long': [
    '“{field}”最多 {limit} 个字符，现在有 {count} 个，请删减（不会自动截断）。',
    '“{field}” takes at most {limit} characters and has {count}: shorten it (nothing is cut for you).',
  ],
  'problem.limit': [
    '“{field}”最多 {limit} 个字符，请删减（不会自动截断）。',
    '“{field}” takes at most {limit} characters: shorten it (nothing is cut for you).',
  ],
  'problem.invalid': [
    '“{field}”填写有误，请检查后重试。',
    '“{field}” is not valid: check it and try again.',
  ],
  'problem.mismatch': ['两次输入的密码不一致。', 'The two passwords are not the same.'],
  'problem.summary': [
    '有 {n} 项需要修改，已在对应的栏目下标出。',
    '{n} field(s) need changing; each is marked below it.',
  ],
  'form.counter': ['{count} / {limit}', '{count} / {limit}'],
  'form.counterOver': ['超出 {over} 个字符', '{over} character(s) over'],

  // rules of fields whose format is their own
  'rule.username': [
    '用户名应为 3–32 位小写字母、数字或 . _ -。',
    'A username is 3–32 lower-case letters, digits, “.”, “_” or “-”.',
  ],
  'rule.password': ['密码应为 10–256 个字符。', 'A password has 10 to 256 characters.'],
  'rule.newPassword': ['新密码应为 10–256 个字符。', 'The new password has 10 to 256 characters.'],
  'rule.idNumber': [
    '身份证号码格式或校验位不正确（18 位，含出生日期，末位校验位符合 GB 11643）。',
    'The ID number is not valid (18 characters with a birth date and a GB 11643 check character).',
  ],
  'rule.clientIdNumber': [
    '委托人的身份证号码格式或校验位不正确（GB 11643）。',
    'The client’s ID number is not valid (GB 11643).',
  ],
  'rule.expiresAt': [
    '有效期应晚于现在，且不超过两年。',
    'The expiry must be in the future and at most two years ahead.',
  ],
  'rule.role': ['请选择角色。', 'Choose a role.'],
  'rule.courtId': ['只有法官账户需要选择法院。', 'Only judge accounts are bound to a court.'],
  'rule.court': [
    '法院只能从法院名录中选择一个，且只有法官账户需要填写。',
    'Pick one court from the list; only judge accounts have one.',
  ],
  'rule.office': ['只有公证员账户填写公证处。', 'Only notary accounts have a notary office.'],
  'rule.reason': ['理由只在停用账户时填写。', 'A reason is only given to disable an account.'],
  'rule.decision': ['请选择批准或驳回。', 'Choose approve or reject.'],
  'rule.code': [
    '共享码为 7 组、每组 4 位字母或数字。',
    'A code is 7 groups of 4 letters or digits.',
  ],
  'rule.sha256': [
    'SHA-256 摘要为 64 位十六进制字符。',
    'A SHA-256 digest is 64 hexadecimal characters.',
  ],
  'rule.sm3': ['SM3 摘要为 64 位十六进制字符。', 'An SM3 digest is 64 hexadecimal characters.'],

  // fields errors name (besides those of messages.ts)
  'field.currentPassword': ['当前密码', 'Current password'],
  'field.newPassword': ['新密码', 'New password'],
  'field.passwordConfirm': ['确认密码', 'Confirm the password'],
  'field.disabled': ['状态', 'State'],
  'field.files': ['文件', 'Files'],
  'field.sha256': ['SHA-256 摘要', 'SHA-256 digest'],
  'field.sm3': ['SM3 摘要', 'SM3 digest'],
  'field.decision': ['决定', 'Decision'],
  'field.clientName': ['当事人姓名', 'Client’s name'],
  'field.clientIdNumber': ['当事人居民身份证号码', 'Client’s resident ID number'],
  'field.depositId': ['存证编号', 'Deposit number'],

  // every code of the API without a text in messages.ts or court-messages.ts
  'error.INVALID_QUERY': [
    '请求的查询参数有误，请刷新页面后重试。',
    'The request’s query is not valid. Reload the page and try again.',
  ],
  'error.INVALID_BODY': [
    '请求内容无法识别，请刷新页面后重试。',
    'The request could not be read. Reload the page and try again.',
  ],
  'error.NOT_FOUND': ['没有找到所请求的内容。', 'What was asked for was not found.'],
  'error.METHOD_NOT_ALLOWED': [
    '服务器不接受这种请求方式。',
    'The server does not accept this kind of request here.',
  ],
  'error.PAYLOAD_TOO_LARGE': [
    '提交的内容过大，请减少后重试。',
    'What was sent is too large: send less and try again.',
  ],
  'error.INVALID_REQUEST': [
    '请求格式有误，服务器无法处理。',
    'The request is malformed; the server cannot handle it.',
  ],
  'error.REQUEST_TIMEOUT': [
    '请求超时，请检查网络后重试。',
    'The request took too long. Check the connection and try again.',
  ],
  'error.HEADERS_TOO_LARGE': [
    '请求头过大，请清除本站数据后重试。',
    'The request headers are too large. Clear this site’s data and try again.',
  ],
  'error.INTERNAL': [
    '服务器内部出错，请稍后再试；问题持续时请联系管理员。',
    'Something went wrong on the server. Try again later, and tell the administrator if it persists.',
  ],
  'error.UNKNOWN_FIELD': [
    '请求中有服务器不认识的栏目，请刷新页面后重试。',
    'The request has a field the server does not know. Reload the page and try again.',
  ],
  'error.INVALID_FIELD': [
    '有一项内容填写有误，请检查后重试。',
    'A field is not valid: check it and try again.',
  ],
  'error.LOGIN_FAILED': ['用户名或密码不正确。', 'The username or password is not correct.'],
  'error.TOKEN_INVALID': [
    '登录状态已失效（可能密码已更改或账户曾被停用），请重新登录。',
    'Your sign-in is no longer valid (the password may have changed, or the account was disabled): sign in again.',
  ],
  'error.TOKEN_EXPIRED': ['登录已过期，请重新登录。', 'Your sign-in has expired: sign in again.'],
  'error.USER_NOT_FOUND': [
    '没有这个账户，请刷新页面。',
    'There is no such account. Reload the page.',
  ],
  'error.CANNOT_DISABLE_SELF': [
    '管理员不能停用自己的账户。',
    'An administrator cannot disable their own account.',
  ],
  'error.CURRENT_PASSWORD_WRONG': ['当前密码不正确。', 'The current password is not correct.'],
  'error.FILE_NOT_FOUND': [
    '该存证中没有这个文件（仅摘要存证不保存文件）。',
    'The deposit has no such file (a hash-only deposit keeps no files).',
  ],
  'error.INVALID_DIGEST': [
    '摘要应为 64 位十六进制字符。',
    'A digest is 64 hexadecimal characters.',
  ],
  'error.UNSUPPORTED_MEDIA_TYPE': [
    '服务器不接受这种提交格式，请刷新页面后重试。',
    'The server does not take this kind of upload. Reload the page and try again.',
  ],
  'error.INVALID_MULTIPART': [
    '上传的内容不完整或已损坏，请重试。',
    'The upload was incomplete or damaged. Try again.',
  ],
  'error.NO_FILES': ['请至少选择一个文件。', 'Please choose at least one file.'],
  'error.TOO_MANY_FILES': [
    '一次存证的文件数量超过上限，请分成几次存证。',
    'Too many files for one deposit: split them over several deposits.',
  ],
  'error.UNEXPECTED_FIELD': [
    '上传中有服务器不接受的栏目，请刷新页面后重试。',
    'The upload has a part the server does not take. Reload the page and try again.',
  ],
  'error.EMPTY_FILE': [
    '有文件是空的（0 字节），不能存证。',
    'A file is empty (0 bytes) and cannot be deposited.',
  ],
  'error.BLOB_MISSING': [
    '服务器上保存的文件缺失，请联系管理员恢复。',
    'A stored file is missing on the server. Ask the administrator to restore it.',
  ],
  'error.BLOB_DIGEST_MISMATCH': [
    '服务器上保存的文件已损坏，请联系管理员恢复。',
    'A stored file is damaged on the server. Ask the administrator to restore it.',
  ],
  'error.INVALID_RECEIPT': [
    '这不是有效的收据文件（应为本平台出具的收据 JSON）。',
    'This is not a valid receipt (a receipt JSON issued here).',
  ],
  'error.INVALID_TLOG_PROOF': [
    '这不是有效的 tlog-proof 文本。',
    'This is not a valid tlog-proof text.',
  ],
  'error.INVALID_TRUSTED_KEY': [
    '给出的日志公钥格式不正确。',
    'The log key given is not in the right form.',
  ],
  'error.WRONG_CHECK_CHARACTER': [
    '存证编号的校验位不对：编号可能输错了，请对照证书逐位核对。',
    'The check character of the deposit number is wrong: the number was probably mistyped. Compare it with the certificate, digit by digit.',
  ],
  'error.INVALID_DEPOSIT_ID': [
    '这不是存证编号：应为 HC + 10 位数字 + 1 位校验位。',
    'Not a deposit number: HC, 10 digits and a check character.',
  ],
  'error.NOTHING_TO_VERIFY': [
    '请放入文件、证书或输入摘要后再核验。',
    'Add a file, a certificate or a digest to check.',
  ],
  'error.CUSTODY_UNAVAILABLE': [
    '保管记录暂时无法写入，为保证每次查阅都有记录，本次操作未执行。请稍后再试。',
    'The custody trail cannot be written just now, and every read must be recorded: nothing was done. Try again shortly.',
  ],
  'error.CODE_INVALID': [
    '码的格式不对：应为 7 组、每组 4 个字母或数字，请核对是否抄错。',
    'That is not a valid code: 7 groups of 4 letters or digits. Check it for typos.',
  ],
  'error.SHARE_EXPIRED': [
    '该共享码已过期，请向当事人索取新的共享码。',
    'This share code has expired. Ask the party for a new one.',
  ],
  'error.SHARE_REVOKED': ['该共享已被当事人撤销。', 'The party has revoked this share.'],
  'error.NOT_ISSUED': ['公证证明尚未出具。', 'The notarial certificate has not been issued yet.'],
  'error.PDF_UNREADABLE': [
    '无法读取该 PDF 文件，它可能已损坏。',
    'The PDF cannot be read; it may be damaged.',
  ],
  'error.PDF_TOO_LARGE': [
    '该 PDF 文件过大，不是本平台出具的证书。',
    'The PDF is too large to be a certificate issued here.',
  ],
  'error.APPLICATION_NOT_FOUND': [
    '没有找到该申请，或您无权查看。',
    'No such application, or you may not see it.',
  ],
  'error.APPLICATION_EXISTS': [
    '该存证已有一份办理中的出证申请，请等待决定或先撤回。',
    'This deposit already has an application in progress: wait for the decision or withdraw it first.',
  ],
  'error.CLAIM_NOT_FOUND': [
    '没有与此取件码对应的存证，请核对；若已重新签发，旧码不再有效。',
    'No deposit has this claim code. Check it; a reissued code replaces the old one.',
  ],
  'error.CLAIM_USED': [
    '此取件码已被使用，存证已被认领。',
    'This claim code was used; the deposit is claimed.',
  ],
  'error.CLAIM_EXPIRED': [
    '此取件码已过期（90 天），请联系公证处重新签发。',
    'This claim code has expired (90 days); ask the notary office to reissue it.',
  ],
  'error.CLAIM_LOCKED': [
    '此取件码因 5 次身份不符已锁定，请联系公证处重新签发。',
    'This claim code is locked after 5 attempts that did not match; ask the notary office to reissue it.',
  ],
  'error.CLAIM_IDENTITY_MISMATCH': [
    '您账户登记的身份证号码与办理时登记的不一致。多次不符将锁定取件码。',
    'The ID number registered for your account is not the one given at the counter. Repeated mismatches lock the code.',
  ],
  'error.BACKUP_DIR_INVALID': [
    '备份目录不可用，请换一个空目录。',
    'The backup folder cannot be used: choose an empty one.',
  ],
  'error.BACKUP_IN_PROGRESS': [
    '已有备份正在进行，请等待其完成。',
    'A backup is already running: wait for it to finish.',
  ],
  'error.BACKUP_SOURCE_CORRUPT': [
    '存储数据不完整，无法备份，请运行 huicun audit 检查。',
    'The store is incomplete and cannot be backed up: run huicun audit.',
  ],
  'error.LOCAL_SECRET_REFUSED': [
    '本机运维凭据无效，操作被拒绝。',
    'The local operator credential was refused.',
  ],
  'error.INVALID_ARGUMENT': ['请求的参数有误。', 'An argument of the request is not valid.'],
  'error.INDEX_OUT_OF_RANGE': [
    '日志序号超出了所请求的树的大小。',
    'The log index is beyond the size of the tree asked for.',
  ],
  'error.INVALID_PROOF': ['默克尔证明无效。', 'The Merkle proof is not valid.'],
  'error.INVALID_HASH': ['哈希值格式不正确。', 'A hash is not in the right form.'],
  'error.INVALID_NOTE': ['签名检查点格式不正确。', 'The signed note is not in the right form.'],
  'error.INVALID_KEY': ['公钥格式不正确。', 'The key is not in the right form.'],
  'error.INVALID_CHECKPOINT': ['检查点格式不正确。', 'The checkpoint is not in the right form.'],
  'error.INVALID_TILE_PATH': ['日志瓦片路径不正确。', 'The log tile path is not valid.'],
  'error.INVALID_ENTRY_BUNDLE': [
    '日志条目包格式不正确。',
    'The entry bundle is not in the right form.',
  ],
  'error.SIZE_BEYOND_TREE': [
    '所请求的树大小超出了当前日志。',
    'The tree size asked for is beyond the current log.',
  ],
  'error.ENTRY_TOO_LARGE': [
    '内容过多，无法写入一条日志条目，请分成几次提交。',
    'Too much for one log entry: split it over several submissions.',
  ],
  'error.NOT_STAMPED_YET': [
    '日志的这一部分尚未取得可信时间戳，请稍后再试。',
    'This part of the log has no trusted time-stamp yet. Try again shortly.',
  ],
  'error.LOG_OVERLOADED': [
    '服务器正忙，请稍后再试。',
    'The server is busy. Try again in a moment.',
  ],
  'error.LOG_UNAVAILABLE': [
    '日志暂时不可用（正在恢复），请稍后再试。',
    'The log is briefly unavailable (recovering). Try again shortly.',
  ],
  'error.LOG_IN_DOUBT': [
    '日志正在确认上一次写入，请稍后再试。',
    'The log is confirming its last write. Try again shortly.',
  ],
  'error.LOG_CORRUPT': [
    '日志数据异常，已停止写入，请联系管理员。',
    'The log’s data is damaged and writing has stopped. Contact the administrator.',
  ],
  'error.LOG_READ_ONLY': [
    '本服务当前只读（从备份恢复后尚未恢复写入），可以查阅和核验，暂不能新建。请联系管理员。',
    'This service is read-only for now (restored from a backup and not yet resumed): you can read and verify, not create. Contact the administrator.',
  ],
  'error.STORE_LOCKED': [
    '存储被其他程序占用，请联系管理员。',
    'The store is held by another program. Contact the administrator.',
  ],
  'error.STORE_IO': ['存储暂时出错，请稍后再试。', 'The store had an error. Try again shortly.'],
  'error.STORE_CORRUPT': [
    '存储数据异常，请联系管理员。',
    'The store’s data is damaged. Contact the administrator.',
  ],
  'error.SCHEMA_MISMATCH': [
    '存储的数据版本与本程序不一致，请联系管理员。',
    'The store’s data version does not match this program. Contact the administrator.',
  ],
  'error.retryIn': ['请 {time}后再试。', 'Try again in {time}.'],
  // the notary's decision
  'error.OPINION_REQUIRED': ['批准申请必须填写审查意见。', 'An approval needs the review opinion.'],
  'error.EXAMINATION_FAILED': [
    '系统核验未通过（存证文件或日志记录与存证不符），不能批准，请驳回。',
    'A system check failed (the stored files or the log do not match the deposit): it cannot be approved; reject it.',
  ],

  // the browser's own (no answer from the server)
  'error.ABORTED': ['已取消。', 'Cancelled.'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorMessageKey = keyof typeof errorMessages;
