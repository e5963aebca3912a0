import { badInput } from '@cg/kit';

/**
 * The life of a joint-response case (一呼联动), as a pure transition table: which step may be taken from which
 * status, and where it leads. Resolvers never decide legality themselves; they ask `transition`.
 */
export const STATUSES = [
  'SUBMITTED', // 点单
  'DISPATCHED', // 派单
  'ACCEPTED', // 接单
  'IN_PROGRESS', // 办单
  'RESOLVED', // 回单
  'VERIFIED', // 审定
  'RATED', // 评单
  'CLOSED', // 办结
  'RETURNED', // 退单
  'TRANSFERRED', // 转单
  'DEFERRAL_REQUESTED', // 挂账申请
  'DEFERRED', // 挂账
  'REWORK', // 返工
  'DUPLICATE', // 重复件
] as const;
export type Status = (typeof STATUSES)[number];

/** Where a step leads; `null` keeps the status (the step is recorded as an event and bumps the version). */
interface Rule {
  from: readonly Status[];
  to: Status | null;
}

/** Statuses in which units are working on the case (tasks may be accepted and resolved, whistles blown). */
const WORKING: readonly Status[] = ['DISPATCHED', 'TRANSFERRED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK', 'DEFERRAL_REQUESTED', 'DEFERRED'];
/** Statuses of a case nobody is handling any more. */
export const FINAL: readonly Status[] = ['CLOSED', 'DUPLICATE'];
/** Cases still counted against their time limit (supervision 督单). Deferred cases are on the ledger, not the clock. */
export const ON_THE_CLOCK: readonly Status[] = ['SUBMITTED', 'DISPATCHED', 'TRANSFERRED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK', 'RETURNED', 'DEFERRAL_REQUESTED'];
const NOT_FINAL = STATUSES.filter((s) => !FINAL.includes(s));

export const RULES = {
  DISPATCH: { from: ['SUBMITTED', 'RETURNED'], to: 'DISPATCHED' }, // 派单 to a lead unit and helpers
  ACCEPT_LEAD: { from: ['DISPATCHED', 'TRANSFERRED'], to: 'ACCEPTED' }, // 接单 by the lead unit
  ACCEPT_HELPER: { from: WORKING, to: null }, // a helper unit accepts its own task
  RETURN: { from: ['DISPATCHED', 'TRANSFERRED'], to: 'RETURNED' }, // 退单: the lead unit refuses before accepting
  TRANSFER: { from: ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK', 'RETURNED'], to: 'TRANSFERRED' }, // 转单: the community names another lead
  START: { from: ['ACCEPTED', 'REWORK'], to: 'IN_PROGRESS' }, // 办单
  RESOLVE_TASK: { from: ['ACCEPTED', 'IN_PROGRESS', 'REWORK', 'RESOLVED'], to: null }, // a unit reports its own part done
  RESOLVE: { from: ['IN_PROGRESS'], to: 'RESOLVED' }, // 回单
  VERIFY: { from: ['RESOLVED'], to: 'VERIFIED' }, // 审定
  SEND_BACK: { from: ['RESOLVED'], to: 'REWORK' }, // 审定不通过 → 返工
  RATE: { from: ['VERIFIED'], to: 'RATED' }, // 评单, 3–5
  RATE_POOR: { from: ['VERIFIED'], to: 'REWORK' }, // 评单, 1–2 reopens the case
  CLOSE: { from: ['RATED', 'VERIFIED'], to: 'CLOSED' }, // 办结 (an unrated case closes after verification)
  REQUEST_DEFERRAL: { from: ['ACCEPTED', 'IN_PROGRESS', 'REWORK'], to: 'DEFERRAL_REQUESTED' }, // 挂账申请
  APPROVE_DEFERRAL: { from: ['DEFERRAL_REQUESTED'], to: 'DEFERRED' }, // 挂账批准
  REJECT_DEFERRAL: { from: ['DEFERRAL_REQUESTED'], to: 'IN_PROGRESS' }, // 挂账驳回
  RESUME: { from: ['DEFERRED'], to: 'IN_PROGRESS' }, // 销账, work resumes
  MARK_DUPLICATE: { from: ['SUBMITTED', 'DISPATCHED', 'RETURNED'], to: 'DUPLICATE' }, // 重复件
  WHISTLE: { from: WORKING, to: null }, // 吹哨
  REPORT: { from: WORKING, to: null }, // 报到
  RATE_REPORT: { from: NOT_FINAL, to: null }, // the community rates a unit that reported
  INQUIRE: { from: NOT_FINAL, to: null }, // 问单 by the party secretary
} as const satisfies Record<string, Rule>;
export type Step = keyof typeof RULES;
export const STEPS = Object.keys(RULES) as Step[];

export const allowedFrom = (step: Step): readonly Status[] => RULES[step].from;

/** The status after `step` from `from`; BAD_USER_INPUT (reason ILLEGAL_TRANSITION) when the step is not allowed. */
export function transition(step: Step, from: Status): Status {
  const rule: Rule = RULES[step];
  if (!rule.from.includes(from)) {
    throw badInput(`${step} is not allowed while the case is ${from}`, { reason: 'ILLEGAL_TRANSITION', step, from, field: 'status' });
  }
  return rule.to ?? from;
}
