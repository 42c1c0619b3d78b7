/**
 * The words of the notarial certificate's 审查事项 (docs/certificates.md, "What the notarial
 * certificate says was examined"), pure: exactly what the decision's examination recorded — each
 * system check with its result and the time it ran, each attestation the notary made, and the
 * review opinion — and nothing else. An attestation the notary did not make is not printed; when
 * they made none, or the decision predates the checklist, the certificate says so instead of
 * presuming anything.
 * @module
 */
import type {
  Attestations,
  IdentitySeen,
  SystemCheck,
  SystemCheckResult,
  SystemChecks,
} from '../../notary/index.js';
import { utc8, type Bilingual } from '../rendering/wording.js';

/** What a notarial certificate is told was examined (a decision's `examination`). */
export interface NotarialExamination {
  /** Absent for decisions made before the platform recorded its checks. */
  readonly system?: SystemChecks;
  /** Absent for decisions made before the checklist: nothing is printed as attested. */
  readonly attestations?: Attestations;
  readonly opinion?: string;
}

/** The three parts of the section, each a list of printed items. */
export interface ExaminationWording {
  /** The line under 系统核验: when the checks ran and against which checkpoint. */
  readonly systemLead: Bilingual;
  readonly system: readonly Bilingual[];
  readonly notary: readonly Bilingual[];
  /** The opinion's paragraphs (its line breaks kept), or none. */
  readonly opinion: readonly string[];
}

export const RESULT: Readonly<Record<SystemCheckResult, Bilingual>> = {
  pass: { zh: '通过', en: 'passed' },
  fail: { zh: '未通过', en: 'FAILED' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
};

/** What each system check did, given its stored facts. */
function systemItem(c: SystemCheck, treeSize: number): Bilingual {
  const r = RESULT[c.result];
  switch (c.id) {
    case 'files': {
      if (c.result === 'not-applicable')
        return {
          zh: `文件摘要：仅摘要存证，平台未接收文件，未能重新计算摘要 —— ${r.zh}。`,
          en: `File digests: a digest-only deposit; the platform never received the files, so no digest could be recomputed — ${r.en}.`,
        };
      const n = c.files ?? 0;
      const bad = c.failed?.length
        ? {
            zh: `（第 ${c.failed.map((p) => p + 1).join('、')} 个文件缺失或不一致）`,
            en: ` (file${c.failed.length === 1 ? '' : 's'} ${c.failed.map((p) => p + 1).join(', ')} missing or different)`,
          }
        : { zh: '', en: '' };
      return {
        zh: `文件摘要：重新读取平台保管的 ${n} 个文件，计算其 SHA-256 与 SM3 摘要及大小，与存证记录比对${bad.zh} —— ${r.zh}。`,
        en: `File digests: the ${n} file${n === 1 ? '' : 's'} kept by the platform were read again and their SHA-256, SM3 and size compared with the deposit record${bad.en} — ${r.en}.`,
      };
    }
    case 'commitment':
      return {
        zh: `存证承诺：日志中的存证条目格式规范、编号一致，且承诺于平台保存的存证记录 —— ${r.zh}。`,
        en: `Commitment: the deposit entry read from the log is canonical, carries the deposit number and commits to the stored deposit record — ${r.en}.`,
      };
    case 'inclusion':
      return {
        zh: `日志包含：该条目的包含证明通向树大小为 ${treeSize} 的检查点 —— ${r.zh}。`,
        en: `Inclusion: the entry's inclusion proof leads to the checkpoint of tree size ${treeSize} — ${r.en}.`,
      };
    case 'signature':
      return {
        zh: `检查点签名：该检查点的签名经日志公钥核验 —— ${r.zh}。`,
        en: `Checkpoint signature: the checkpoint's signature was verified with the log key — ${r.en}.`,
      };
  }
}

const IDENTITY_SEEN: Readonly<Record<Exclude<IdentitySeen, 'not-seen'>, Bilingual>> = {
  'in-person': {
    zh: '申请人身份：公证员当面查验了申请人的身份证件。',
    en: "Applicant's identity: the notary examined the applicant's identity document in person.",
  },
  video: {
    zh: '申请人身份：公证员通过视频查验了申请人的身份证件。',
    en: "Applicant's identity: the notary examined the applicant's identity document by video.",
  },
};

/** The section's items for `e`. */
export function examinationWording(e: NotarialExamination): ExaminationWording {
  const s = e.system;
  const at = s ? utc8(new Date(s.at)) : '';
  const systemLead: Bilingual = s
    ? {
        zh: `由平台于 ${at}（北京时间）在公证员作出决定时自动核验${s.logKey ? `，日志公钥 ${s.logKey}` : ''}：`,
        en: `Checked by the platform itself when the notary decided, at ${at} (UTC+08:00)${s.logKey ? `, log key ${s.logKey}` : ''}:`,
      }
    : {
        zh: '本申请决定时平台未记录系统核验结果。',
        en: 'The platform recorded no checks of its own when this application was decided.',
      };
  const a = e.attestations;
  const notary: Bilingual[] = [];
  if (a && a.identity !== 'not-seen') notary.push(IDENTITY_SEEN[a.identity]);
  if (a?.custodyTrailReviewed)
    notary.push({
      zh: '保管记录：公证员查阅了该存证的保管记录（查看、下载、分享等事件），未见异常。',
      en: "Custody trail: the notary reviewed the deposit's custody trail (views, downloads, shares) and found nothing irregular.",
    });
  if (notary.length === 0)
    notary.push({
      zh: '公证员未就申请人身份或保管记录作出审查声明。',
      en: "The notary made no statement about the applicant's identity or the custody trail.",
    });
  return {
    systemLead,
    system: s ? s.checks.map((c) => systemItem(c, s.treeSize)) : [],
    notary,
    opinion: e.opinion ? e.opinion.split('\n').filter((p) => p.trim() !== '') : [],
  };
}
