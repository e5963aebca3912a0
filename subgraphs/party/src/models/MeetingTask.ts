import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { GOVERNANCE_LEVELS, type GovernanceLevel } from './Escalation';

const MEETING_TASK_STATUSES = ['PENDING', 'ACCEPTED', 'DONE'] as const;
type MeetingTaskStatus = (typeof MEETING_TASK_STATUSES)[number];

/** A task a meeting assigns to a unit with a time limit (限时办结); the unit accepts and completes it. */
const meetingTaskSchema = entitySchema('meeting_tasks', {
  meetingId: { type: String, required: true },
  meetingKind: { type: String, required: true, enum: ['JOINT', 'ON_SITE'] },
  level: { type: String, required: true, enum: GOVERNANCE_LEVELS },
  escalationId: String,
  communityIds: { type: [String], default: [] },
  unitId: { type: String, required: true },
  unitName: { type: String, required: true },
  department: { type: String, required: true },
  description: { type: String, required: true },
  assignedAt: { type: Date, required: true },
  dueAt: { type: Date, required: true },
  year: { type: Number, required: true },
  status: { type: String, required: true, enum: MEETING_TASK_STATUSES },
  acceptedAt: Date,
  doneAt: Date,
  note: String,
  done: { type: Number, default: 0 },
  onTime: { type: Number, default: 0 },
});
meetingTaskSchema.index({ meetingId: 1, dueAt: 1 });
meetingTaskSchema.index({ unitId: 1, status: 1 });
meetingTaskSchema.index({ escalationId: 1, status: 1 });
meetingTaskSchema.index({ communityIds: 1, year: 1 });
meetingTaskSchema.index({ status: 1, dueAt: 1 });
meetingTaskSchema.index({ dueAt: 1 });

export interface MeetingTaskDoc {
  _id: string;
  meetingId: string;
  meetingKind: 'JOINT' | 'ON_SITE';
  level: GovernanceLevel;
  escalationId?: string | null;
  communityIds: string[];
  unitId: string;
  unitName: string;
  department: string;
  description: string;
  assignedAt: Date;
  dueAt: Date;
  year: number;
  status: MeetingTaskStatus;
  acceptedAt?: Date | null;
  doneAt?: Date | null;
  note?: string | null;
  done: number;
  onTime: number;
}
export const meetingTaskModel = (connection: Connection) => connection.model('MeetingTask', meetingTaskSchema);
