import { badInput, entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { PartyMemberResolvers } from '../generated/resolvers-types';
import { requireMonth, requireYear } from '../inputs';
import { monthSpan } from '../points';

const optionalYear = (year?: number | null) => (year == null ? null : requireYear(year));

export const PartyMember = {
  ...entityResolvers((ctx: Context) => ctx.loaders.member),
  resident: (member) => reference(member.residentId),
  organization: (member, _, { loaders }) => loadReferenced(loaders.organization, member.organizationId, 'PartyOrganization'),
  dualRegistrations: (member, page, { loaders }) => loaders.registrationsOf(member._id, page),
  postClaims: (member, { year, ...page }, { loaders }) => loaders.claimsOfMember(optionalYear(year))(member._id, page),
  serviceActivities: (member, { year, ...page }, { loaders }) => loaders.activitiesOf(optionalYear(year))(member._id, page),
  quota: (member, { year }, { loaders }) => loaders.quotaOf(requireYear(year)).load(member._id),
  monthlyPoints: (member, { from, to }, { loaders }) => {
    requireMonth(from, 'from');
    requireMonth(to, 'to');
    const span = monthSpan(from, to);
    if (span < 1 || span > 36) throw badInput('from must not be after to, and the range at most 36 months', { field: 'to' });
    return loaders.monthlyPointsOf({ from, to }).load(member._id);
  },
} satisfies PartyMemberResolvers;
