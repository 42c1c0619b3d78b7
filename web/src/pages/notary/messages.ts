/**
 * The texts of the notary's queue, review checklist and counter deposits, and of the depositor's
 * claim page, as `[中文, English]`, with the error codes of those routes. Merged into the one
 * table by `texts.ts`.
 */
export const notaryMessages = {
  'nav.counter': ['窗口办理', 'Counter deposits'],
  'nav.claim': ['认领存证', 'Claim a deposit'],
  'field.opinion': ['审查意见', 'Review opinion'],
  'field.identitySeen': ['申请人身份', "Applicant's identity"],
  'field.custodyTrailReviewed': ['保管记录', 'Custody trail'],

  // the review checklist
  'exam.title': ['审查清单', 'Review checklist'],
  'exam.lead': [
    '公证证明的“审查事项”只载明下列内容：系统核验及其结果，您勾选的审查事项，以及您的审查意见。未勾选的不会印上。',
    'The certificate’s “What was examined” states only this: the system’s checks and their results, what you tick, and your opinion. Nothing you leave unticked is printed.',
  ],
  'exam.decideLead': [
    '请完成审查清单（系统核验、您的审查事项与审查意见）后作出决定。',
    'Complete the review checklist (the system’s checks, what you attest, your opinion), then decide.',
  ],
  'exam.toChecklist': ['前往审查清单', 'Go to the checklist'],
  'exam.system': ['系统核验', 'Checked by the system'],
  'exam.notary': ['公证员审查', 'Attested by the notary'],
  'exam.recheck': ['重新核验', 'Check again'],
  'exam.systemPending': [
    '系统核验结果尚未取得；批准时系统会核验并记录。',
    'The system’s checks have not answered yet; they run and are recorded at the approval.',
  ],
  'exam.checkedAt': [
    '系统于 {time} 在服务器上核验；作出决定时将再次核验并记录结果。',
    'Checked on the server at {time}; checked again and recorded when you decide.',
  ],
  'exam.logKey': ['日志公钥：{key}。', 'Log key: {key}.'],
  'exam.failedLead': [
    '系统核验未通过：不能批准此申请，请驳回并说明理由。',
    'A system check failed: this application cannot be approved. Reject it with a reason.',
  ],
  'exam.check.files': [
    '文件摘要：重新读取平台保管的 {n} 个文件，计算 SHA-256 与 SM3 摘要及大小并与存证记录比对',
    'File digests: the {n} stored files read again, their SHA-256, SM3 and size compared with the deposit record',
  ],
  'exam.check.filesFailed': [
    '（第 {list} 个文件缺失或不一致）',
    '(file {list} missing or different)',
  ],
  'exam.check.filesHashOnly': [
    '文件摘要：仅摘要存证，平台未接收文件，无法重新计算',
    'File digests: a digest-only deposit; the platform never received the files to recompute',
  ],
  'exam.check.commitment': [
    '存证承诺：日志中的条目规范、编号一致，并承诺于存证记录',
    'Commitment: the logged entry is canonical, names the deposit and commits to its record',
  ],
  'exam.check.inclusion': [
    '日志包含：条目包含于树大小为 {size} 的检查点',
    'Inclusion: the entry is in the checkpoint of tree size {size}',
  ],
  'exam.check.signature': [
    '检查点签名：经日志公钥核验',
    'Checkpoint signature: verified with the log key',
  ],
  'exam.result.pass': ['通过', 'Passed'],
  'exam.result.fail': ['未通过', 'Failed'],
  'exam.result.not-applicable': ['不适用', 'Not applicable'],
  'exam.identity.legend': ['申请人身份', "Applicant's identity"],
  'exam.identity.in-person': [
    '我已当面查验申请人的身份证件',
    "I examined the applicant's identity document in person",
  ],
  'exam.identity.video': [
    '我已通过视频查验申请人的身份证件',
    "I examined the applicant's identity document by video",
  ],
  'exam.identity.not-seen': [
    '未查验（公证证明对此不作声明）',
    'Not examined (the certificate states nothing about it)',
  ],
  'exam.identity.hint': [
    '申请人的实名信息见存证信息；只有您实际查验过证件才选择前两项。',
    'The applicant’s real-name record is in the deposit facts; choose one of the first two only if you saw the document.',
  ],
  'exam.trail': [
    '我已查阅该存证的保管记录，未见异常',
    'I reviewed the deposit’s custody trail and found nothing irregular',
  ],
  'exam.untickedHint': [
    '未勾选的事项不会印在公证证明上。',
    'What you leave unticked is not printed on the certificate.',
  ],
  'exam.opinion': ['审查意见', 'Review opinion'],
  'exam.opinionHint': [
    '批准时必填，按原文印在公证证明上（可分段）。',
    'Required to approve; printed on the certificate as written (paragraphs kept).',
  ],
  'exam.opinionRequired': [
    '批准前请填写审查意见。',
    'Please write the review opinion before approving.',
  ],
  'exam.print.inPerson': [
    '申请人身份：公证员当面查验了申请人的身份证件',
    "Applicant's identity: the notary examined the identity document in person",
  ],
  'exam.print.video': [
    '申请人身份：公证员通过视频查验了申请人的身份证件',
    "Applicant's identity: the notary examined the identity document by video",
  ],
  'exam.print.trail': [
    '保管记录：公证员查阅了保管记录，未见异常',
    'Custody trail: the notary reviewed it and found nothing irregular',
  ],
  'exam.none': [
    '公证员未就申请人身份或保管记录作出审查声明',
    "The notary made no statement about the applicant's identity or the custody trail",
  ],
  'exam.record': ['审查记录', 'Examination record'],
  'exam.noRecord': [
    '本决定没有审查记录（早于审查清单）。',
    'This decision has no examination record (it predates the checklist).',
  ],
  'confirm.title': ['确认批准', 'Confirm the approval'],
  'confirm.lead': [
    '批准后出具的公证证明，其“审查事项”将载明以下内容，且只载明这些内容：',
    'The notarial certificate issued after this approval will state under “What was examined” this, and only this:',
  ],
  'confirm.recheck': [
    '批准时系统会再次核验并记录结果；如有未通过，批准将被拒绝。',
    'The system checks again at the approval and records the result; if a check fails, the approval is refused.',
  ],
  'confirm.ok': ['确认批准', 'Approve'],
  'confirm.back': ['返回修改', 'Go back'],

  // counter deposits
  'counter.title': ['窗口办理', 'Counter deposits'],
  'counter.lead': [
    '为来访当事人办理存证：核对其居民身份证后填写，存证完成后将一次性取件码交给当事人，当事人注册后凭码认领。',
    'Deposit for a walk-in client: check their resident ID card, fill this in, then hand over the one-time claim code; the client claims the deposit with it after registering.',
  ],
  'counter.client': ['当事人与存证', 'Client and deposit'],
  'counter.clientNameHint': ['与居民身份证上的姓名一致。', 'As on the resident ID card.'],
  'counter.clientIdHint': [
    '只保存其掩码与不可逆的匹配值，用于认领时核对。',
    'Only its masked form and a one-way match value are kept, to check the claim.',
  ],
  'counter.needClient': ['请填写当事人姓名。', "Please give the client's name."],
  'counter.submit': ['办理存证', 'Deposit for the client'],
  'counter.submitHashOnly': ['计算摘要并办理存证', 'Hash and deposit for the client'],
  'counter.made': ['我办理的窗口存证', 'Counter deposits I made'],
  'counter.none': ['还没有办理过窗口存证。', 'No counter deposits yet.'],
  'counter.col.time': ['办理时间', 'Made'],
  'counter.col.code': ['取件码', 'Claim code'],
  'counter.state.open': ['待认领', 'Not yet claimed'],
  'counter.state.claimed': ['已认领', 'Claimed'],
  'counter.state.expired': ['已过期', 'Expired'],
  'counter.state.locked': ['已锁定', 'Locked'],
  'counter.until': ['有效期至 {time}', 'valid until {time}'],
  'counter.reissue': ['重新签发取件码', 'Reissue the claim code'],
  'counter.reissueConfirm': [
    '原取件码将失效，再按一次确认',
    'The old code stops working. Press again',
  ],

  // the claim slip
  'slip.title': ['存证取件单', 'Deposit claim slip'],
  'slip.ready': [
    '取件单已生成：取件码只显示这一次，请打印或交给当事人。',
    'The claim slip is ready: the code is shown only this once. Print it or hand it over.',
  ],
  'slip.reissued': [
    '这是重新签发的取件码，此前的取件码已失效。',
    'This code was reissued; the earlier one no longer works.',
  ],
  'slip.client': ['当事人', 'Client'],
  'slip.code': ['取件码', 'Claim code'],
  'slip.expires': ['有效期至 {time}（90 天）', 'Valid until {time} (90 days)'],
  'slip.howTitle': ['如何认领', 'How to claim'],
  'slip.how1': [
    '用您本人的居民身份证号码在 {url} 注册（已注册的直接登录）。',
    'Register at {url} with your own resident ID number (or sign in if you have an account).',
  ],
  'slip.how2': ['打开 {url}，输入上面的取件码。', 'Open {url} and enter the code above.'],
  'slip.how3': [
    '认领后，该存证即归您所有，可下载证书、申请公证出证或共享给法院。',
    'Once claimed the deposit is yours: download its certificate, apply for notarisation or share it with a court.',
  ],
  'slip.once': [
    '取件码只显示这一次，平台不保存取件码本身。连续 5 次身份不符将锁定；遗失、锁定或过期请联系公证处重新签发。',
    'The code is shown only this once; the platform does not keep it. Five attempts that do not match lock it; if it is lost, locked or expired, ask the notary office to reissue it.',
  ],
  'slip.print': ['打印取件单', 'Print the slip'],
  'slip.done': ['完成（取件码将不再显示）', 'Done (the code will not be shown again)'],

  // the depositor's claim page
  'claim.title': ['认领窗口存证', 'Claim a counter deposit'],
  'claim.lead': [
    '在公证处窗口办理的存证，凭取件单上的取件码认领。您账户登记的身份证号码须与办理时登记的一致。',
    'A deposit made for you at a notary office counter is claimed with the code on its slip. The ID number registered for your account must be the one given at the counter.',
  ],
  'claim.code': ['取件码', 'Claim code'],
  'claim.codeHint': [
    '7 组、每组 4 个字母或数字，大小写和连字符均可。',
    '7 groups of 4 letters or digits; case and hyphens do not matter.',
  ],
  'claim.needCode': ['请输入取件码。', 'Please enter the claim code.'],
  'claim.submit': ['认领', 'Claim'],
  'claim.done': ['已认领“{title}”，该存证现归您所有：', '“{title}” is claimed and now yours:'],
  'claim.help': [
    '取件码遗失、锁定或过期，请联系办理的公证处重新签发。',
    'If the code is lost, locked or expired, ask the notary office that made the deposit to reissue it.',
  ],

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
} as const satisfies Record<string, readonly [string, string]>;
