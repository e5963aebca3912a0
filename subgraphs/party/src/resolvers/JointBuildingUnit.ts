import { entityResolvers, maskName, maskPhone } from '@cg/kit';
import type { Context } from '../context';
import type { JointBuildingUnitDoc } from '../models/JointBuildingUnit';

export const JointBuildingUnit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jointBuildingUnit),
  organization: (unit: JointBuildingUnitDoc, _: unknown, { loaders }: Context) => loaders.organization.load(unit.organizationId),
  // De-identified until the access-control work gives entitled roles the full values.
  contactName: (unit: JointBuildingUnitDoc) => maskName(unit.contactName),
  contactPhone: (unit: JointBuildingUnitDoc) => maskPhone(unit.contactPhone),
};
