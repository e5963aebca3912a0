import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { PartyMemberDoc } from '../models/PartyMember';

export const PartyMember = {
  ...entityResolvers((ctx: Context) => ctx.loaders.member),
  resident: (member: PartyMemberDoc) => reference(member.residentId),
  organization: (member: PartyMemberDoc, _: unknown, { loaders }: Context) => loaders.organization.load(member.organizationId),
};
