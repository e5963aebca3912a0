import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { GOVERNANCE_LEVELS, type GovernanceLevel } from './Escalation';

/** Where an agenda item comes from (议题来源): the ledgers, the three lists, a case, an escalation, a deliberation. */
export const AGENDA_SOURCES = ['PUBLIC_SENTIMENT', 'GOVERNMENT_LEDGER', 'PROBLEM_LIST', 'RESPONSIBILITY_LIST', 'JOINT_CASE', 'ESCALATION', 'DELIBERATION', 'OTHER'] as const;
type AgendaSource = (typeof AGENDA_SOURCES)[number];

export interface AgendaItemDoc {
  source: AgendaSource;
  title: string;
  caseId?: string | null;
  gridId?: string | null;
  unitId?: string | null;
  category?: string | null;
  escalationId?: string | null;
  deliberationId?: string | null;
}

/**
 * A meeting: a joint meeting of a standing body (党建联席会议) or an on-site meeting (现场办公会) a higher level convenes
 * on an escalation. Its tasks are MeetingTask documents (followed one by one); `communityIds` are the communities it
 * concerns, for the measures.
 */
const meetingSchema = entitySchema('meetings', {
  kind: { type: String, required: true, enum: ['JOINT', 'ON_SITE'] },
  level: { type: String, required: true, enum: GOVERNANCE_LEVELS },
  bodyId: String,
  escalationId: String,
  organizationId: String,
  communityIds: { type: [String], default: [] },
  title: { type: String, required: true },
  heldAt: { type: Date, required: true },
  year: { type: Number, required: true },
  convenerName: { type: String, required: true },
  convenedBy: String,
  attendance: { type: [{ _id: false, unitId: String, present: Boolean }], default: [] },
  agenda: {
    type: [{ _id: false, source: String, title: String, caseId: String, gridId: String, unitId: String, category: String, escalationId: String, deliberationId: String }],
    default: [],
  },
  decisions: { type: [String], default: [] },
});
meetingSchema.index({ bodyId: 1, heldAt: -1 });
meetingSchema.index({ escalationId: 1 });
meetingSchema.index({ communityIds: 1, year: 1 });
meetingSchema.index({ heldAt: -1 });

export interface MeetingDoc {
  _id: string;
  kind: 'JOINT' | 'ON_SITE';
  level: GovernanceLevel;
  bodyId?: string | null;
  escalationId?: string | null;
  organizationId?: string | null;
  communityIds: string[];
  title: string;
  heldAt: Date;
  year: number;
  convenerName: string;
  convenedBy?: string | null;
  attendance: Array<{ unitId: string; present: boolean }>;
  agenda: AgendaItemDoc[];
  decisions: string[];
}
export const meetingModel = (connection: Connection) => connection.model('Meeting', meetingSchema);
