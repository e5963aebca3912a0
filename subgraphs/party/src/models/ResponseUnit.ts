import type { Connection } from 'mongoose';
import type { Category } from '../jointCase/timeLimits';
import { entitySchema } from '@cg/kit';

/** Kinds of unit in the "1+3+N" roster: the community itself, the three resident units, joint-building units (N), and county functional departments (职能部门) that meetings assign. */
export const UNIT_KINDS = ['COMMUNITY', 'PROPERTY', 'CONSTRUCTION', 'LAW_ENFORCEMENT', 'JOINT_BUILDING', 'FUNCTIONAL_DEPARTMENT'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const responseUnitSchema = entitySchema('response_units', {
  name: { type: String, required: true },
  kind: { type: String, required: true, enum: UNIT_KINDS },
  /** The `identity.department` that acts for this unit (e.g. `property:xinyuan`, `law-enforcement`). */
  department: { type: String, required: true },
  communityId: { type: String, required: true }, // civil affairs' Community
  /** Categories this unit is responsible for (责任清单). */
  categories: { type: [String], default: [] },
  propertyCompanyId: { type: String }, // property's PropertyCompany, for PROPERTY units
  // Archiving (归档) instead of deleting: the unit stays on its cases' records and takes no new cases or tasks.
  archivedAt: { type: String },
  archivedBy: { type: String },
  archiveReason: { type: String },
  createdBy: { type: String },
});
responseUnitSchema.index({ department: 1 }, { unique: true });
responseUnitSchema.index({ communityId: 1, kind: 1, name: 1 });

export interface ResponseUnitDoc {
  _id: string;
  name: string;
  kind: UnitKind;
  department: string;
  communityId: string;
  categories: Category[];
  propertyCompanyId?: string | null;
  archivedAt?: string | null;
  archivedBy?: string | null;
  archiveReason?: string | null;
}
export const responseUnitModel = (connection: Connection) => connection.model('ResponseUnit', responseUnitSchema);
