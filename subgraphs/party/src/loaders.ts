import { byIdLoader, manyByFieldLoader, oneByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { PartyMemberDoc } from './models/PartyMember';
import type { PartyOrganizationDoc } from './models/PartyOrganization';
import type { JointCaseDoc } from './models/JointCase';
import type { ResponseUnitDoc } from './models/ResponseUnit';

/** Per request: every entity and list relation batched into one `$in` query per type. */
export const createLoaders = ({ models }: { models: Models }) => ({
  organization: byIdLoader<PartyOrganizationDoc>(models.PartyOrganization),
  childrenOf: manyByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'parentId'),
  branchByGrid: oneByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'coveredGridIds', { level: 'BRANCH' }),
  member: byIdLoader<PartyMemberDoc>(models.PartyMember),
  membersOf: manyByFieldLoader<PartyMemberDoc>(models.PartyMember, 'organizationId'),
  memberByResident: oneByFieldLoader<PartyMemberDoc>(models.PartyMember, 'residentId'),
  // 1+3+N joint response (一呼联动)
  jointCase: byIdLoader<JointCaseDoc & { _id: string }>(models.JointCase),
  responseUnit: byIdLoader<ResponseUnitDoc>(models.ResponseUnit),
});
export type Loaders = ReturnType<typeof createLoaders>;
