import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';

/**
 * One row per version a case moved from (`_id` = stableId(caseId, version)). Inserting it claims the version: the
 * unique `_id` lets exactly one concurrent step win, also on FerretDB v1, whose findAndModify reads and then writes
 * by `_id` without re-checking the filter (so `{ version }` alone does not exclude a second writer there).
 * The rows double as the step log (who took which step from which version, when).
 */
const jointCaseStepSchema = entitySchema('joint_case_steps', {
  caseId: { type: String, required: true },
  version: { type: Number, required: true },
  step: { type: String, required: true },
  by: String,
  idempotencyKey: String,
  at: { type: Date, required: true },
});
jointCaseStepSchema.index({ caseId: 1, version: 1 });

export const jointCaseStepModel = (connection: Connection) => connection.model('JointCaseStep', jointCaseStepSchema);
