import { reference } from '@cg/kit';
import type { AgendaItemResolvers, JointCaseCategory } from '../generated/resolvers-types';
import type { AgendaItemDoc } from '../models/Meeting';

export type AgendaItemParent = AgendaItemDoc;

/** An agenda item (议题) and what it refers to. */
export const AgendaItem = {
  case: (a, _, { loaders }) => (a.caseId ? loaders.jointCase.load(a.caseId) : null),
  grid: (a) => reference(a.gridId),
  unit: (a, _, { loaders }) => (a.unitId ? loaders.responseUnit.load(a.unitId) : null),
  category: (a) => (a.category as JointCaseCategory | null | undefined) ?? null,
  escalation: (a, _, { loaders }) => (a.escalationId ? loaders.escalation.load(a.escalationId) : null),
} satisfies AgendaItemResolvers;
