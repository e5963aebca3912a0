import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PartyOrganizationDoc } from '../models/PartyOrganization';

export const PartyOrganization = {
  ...entityResolvers((ctx: Context) => ctx.loaders.organization),
  parent: (org: PartyOrganizationDoc, _: unknown, { loaders }: Context) => (org.parentId ? loaders.organization.load(org.parentId) : null),
  children: (org: PartyOrganizationDoc, _: unknown, { loaders }: Context) => loaders.childrenOf.load(org._id),
  members: (org: PartyOrganizationDoc, _: unknown, { loaders }: Context) => loaders.membersOf.load(org._id),
  memberCount: async (org: PartyOrganizationDoc, _: unknown, { loaders }: Context) => (await loaders.membersOf.load(org._id)).length,
  coveredGrids: (org: PartyOrganizationDoc) => org.coveredGridIds.map((id) => ({ id })),
};
