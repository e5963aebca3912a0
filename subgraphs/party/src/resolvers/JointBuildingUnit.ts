import { entityResolvers, loadReferenced, maskName, maskPhone } from '@cg/kit';
import type { Context } from '../context';
import type { JointBuildingUnitResolvers } from '../generated/resolvers-types';

export const JointBuildingUnit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jointBuildingUnit),
  organization: (unit, _, { loaders }) => loadReferenced(loaders.organization, unit.organizationId, 'PartyOrganization'),
  // De-identified for every caller, as the SDL says: the roster is shared widely, the contact's identity is not.
  contactName: (unit) => maskName(unit.contactName),
  contactPhone: (unit) => maskPhone(unit.contactPhone),
} satisfies JointBuildingUnitResolvers;
