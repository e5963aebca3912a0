import { entityResolvers, loadReferenced, maskName, maskPhone } from '@cg/kit';
import type { Context } from '../context';
import type { JointBuildingUnitResolvers } from '../generated/resolvers-types';

export const JointBuildingUnit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jointBuildingUnit),
  organization: (unit, _, { loaders }) => loadReferenced(loaders.organization, unit.organizationId, 'PartyOrganization'),
  // De-identified: the SDL grants this type to callers who are not entitled to a unit contact's full name and phone.
  contactName: (unit) => maskName(unit.contactName),
  contactPhone: (unit) => maskPhone(unit.contactPhone),
} satisfies JointBuildingUnitResolvers;
