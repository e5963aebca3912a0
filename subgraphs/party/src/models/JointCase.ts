import { Schema, type Connection, type SchemaDefinition } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { STATUSES, type Status, type Step } from '../jointCase/lifecycle';
import { CATEGORIES, URGENCIES, type Category, type Urgency } from '../jointCase/timeLimits';
import { UNIT_KINDS, type UnitKind } from './ResponseUnit';

/**
 * One joint-response case (一呼联动) is ONE document: its tasks, history, whistles, ratings and applied idempotency
 * keys live inside it, so every step is a single atomic findOneAndUpdate guarded by `version` (no transactions).
 * Counters under `m` are 0/1 flags the ledgers and measures sum with `$group`/`$sum` (the aggregation subset allowed).
 */
const sub = (fields: SchemaDefinition) => new Schema(fields, { _id: false });

const task = sub({
  unitId: { type: String, required: true },
  unitName: { type: String, required: true },
  unitKind: { type: String, required: true, enum: UNIT_KINDS },
  department: { type: String, required: true },
  role: { type: String, required: true, enum: ['LEAD', 'HELPER'] },
  status: { type: String, required: true, enum: ['PENDING', 'ACCEPTED', 'RESOLVED', 'RETURNED', 'WITHDRAWN'] },
  assignedAt: { type: Date, required: true },
  acceptedAt: Date,
  resolvedAt: Date,
  note: String,
  resolved: { type: Number, default: 0 },
  onTime: { type: Number, default: 0 },
});
const event = sub({
  at: { type: Date, required: true },
  by: String,
  role: String,
  step: { type: String, required: true },
  from: String,
  to: { type: String, required: true },
  unitId: String,
  note: String,
});
const whistle = sub({ id: String, blownAt: Date, blownBy: String, reportBy: Date, note: String });
const whistleCall = sub({
  whistleId: String,
  unitId: String,
  unitName: String,
  department: String,
  reportBy: Date,
  reportedAt: Date,
  onTime: { type: Number, default: 0 },
  rating: Number,
  ratedBy: String,
});
const flags = ['dispatched', 'responded', 'handled', 'onTime', 'late', 'resolved', 'reworked', 'whistled', 'rated', 'satisfied', 'inGrid', 'inCommunity'] as const;

const jointCaseSchema = entitySchema('joint_cases', {
  reporterId: { type: String, required: true }, // civil affairs' Resident
  unitId: String, // property's Unit (dwelling), when the place is a dwelling
  buildingId: { type: String, required: true }, // property's Building
  gridId: { type: String, required: true }, // civil affairs' Grid
  communityId: { type: String, required: true }, // civil affairs' Community
  category: { type: String, required: true, enum: CATEGORIES },
  urgency: { type: String, required: true, enum: URGENCIES },
  description: { type: String, required: true },
  firstReceiverUnitId: String,
  patrolId: String, // property's EstatePatrol whose finding (管家吹哨) raised the case
  patrolIssueId: String,
  status: { type: String, required: true, enum: STATUSES },
  version: { type: Number, required: true, default: 1 },
  submittedAt: { type: Date, required: true },
  dueAt: { type: Date, required: true },
  resolvedAt: Date,
  closedAt: Date,
  duplicateOfId: String,
  deferral: sub({ reason: String, requestedAt: Date, requestedBy: String, decidedAt: Date, decidedBy: String, approved: Boolean }),
  rating: sub({ score: Number, comment: String, at: Date }),
  tasks: { type: [task], default: [] },
  history: { type: [event], default: [] },
  whistles: { type: [whistle], default: [] },
  whistleCalls: { type: [whistleCall], default: [] },
  inquiries: { type: [sub({ at: Date, by: String, note: String })], default: [] },
  appliedKeys: { type: [sub({ key: String, fingerprint: String })], default: [] },
  m: sub(Object.fromEntries(flags.map((f) => [f, { type: Number, default: 0 }]))),
});
// Behind every list path: filters of jointCases (newest first), supervision (by due time), ledgers (by submission).
jointCaseSchema.index({ status: 1, submittedAt: -1 });
jointCaseSchema.index({ status: 1, dueAt: 1 });
jointCaseSchema.index({ gridId: 1, submittedAt: -1 });
jointCaseSchema.index({ communityId: 1, submittedAt: -1 });
jointCaseSchema.index({ category: 1, submittedAt: -1 });
jointCaseSchema.index({ reporterId: 1, submittedAt: -1 });
jointCaseSchema.index({ 'tasks.unitId': 1, submittedAt: -1 });
jointCaseSchema.index({ submittedAt: -1 });

export type TaskRole = 'LEAD' | 'HELPER';
type TaskStatus = 'PENDING' | 'ACCEPTED' | 'RESOLVED' | 'RETURNED' | 'WITHDRAWN';
export interface CaseTask {
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  department: string;
  role: TaskRole;
  status: TaskStatus;
  assignedAt: Date;
  acceptedAt?: Date | null;
  resolvedAt?: Date | null;
  note?: string | null;
  resolved: number;
  onTime: number;
}
export interface CaseEvent {
  at: Date;
  by?: string | null;
  role?: string | null;
  step: Step | 'SUBMIT';
  from?: Status | null;
  to: Status;
  unitId?: string | null;
  note?: string | null;
}
export interface WhistleCall {
  whistleId: string;
  unitId: string;
  unitName: string;
  department: string;
  reportBy: Date;
  reportedAt?: Date | null;
  onTime: number;
  rating?: number | null;
  ratedBy?: string | null;
}
export type CaseFlags = Record<(typeof flags)[number], number>;
export interface JointCaseDoc {
  _id: string;
  reporterId: string;
  unitId?: string | null;
  buildingId: string;
  gridId: string;
  communityId: string;
  category: Category;
  urgency: Urgency;
  description: string;
  firstReceiverUnitId?: string | null;
  patrolId?: string | null;
  patrolIssueId?: string | null;
  status: Status;
  version: number;
  submittedAt: Date;
  dueAt: Date;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  duplicateOfId?: string | null;
  deferral?: { reason?: string; requestedAt?: Date; requestedBy?: string; decidedAt?: Date; decidedBy?: string; approved?: boolean } | null;
  rating?: { score: number; comment?: string | null; at: Date } | null;
  tasks: CaseTask[];
  history: CaseEvent[];
  whistles: Array<{ id: string; blownAt: Date; blownBy?: string | null; reportBy: Date; note?: string | null }>;
  whistleCalls: WhistleCall[];
  inquiries: Array<{ at: Date; by?: string | null; note: string }>;
  appliedKeys: Array<{ key: string; fingerprint: string }>;
  m: CaseFlags;
}
export const emptyFlags = (): CaseFlags => Object.fromEntries(flags.map((f) => [f, 0])) as CaseFlags;
export const jointCaseModel = (connection: Connection) => connection.model('JointCase', jointCaseSchema);
