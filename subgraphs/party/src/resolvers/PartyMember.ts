import { badInput, entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { PartyMemberDoc } from '../models/PartyMember';
import { requireMonth, requireYear } from '../inputs';
import { monthSpan } from '../points';

type Member = PartyMemberDoc;
const newestFirst = <T extends { _id: string }>(key: keyof T) => (rows: T[]) =>
  [...rows].sort((a, b) => String(b[key]).localeCompare(String(a[key])) || a._id.localeCompare(b._id));
const optionalYear = (year?: number | null) => (year == null ? null : requireYear(year));

export const PartyMember = {
  ...entityResolvers((ctx: Context) => ctx.loaders.member),
  resident: (member: Member) => reference(member.residentId),
  organization: (member: Member, _: unknown, { loaders }: Context) => loaders.organization.load(member.organizationId),
  dualRegistrations: (member: Member, _: unknown, { loaders }: Context) => loaders.registrationsOf.load(member._id),
  postClaims: async (member: Member, { year }: { year?: number | null }, { loaders }: Context) =>
    newestFirst<any>('claimedOn')(await loaders.claimsOfMember(optionalYear(year)).load(member._id)),
  serviceActivities: async (member: Member, { year }: { year?: number | null }, { loaders }: Context) =>
    newestFirst<any>('date')(await loaders.activitiesOf(optionalYear(year)).load(member._id)),
  quota: (member: Member, { year }: { year: number }, { loaders }: Context) => loaders.quotaOf(requireYear(year)).load(member._id),
  monthlyPoints: (member: Member, { from, to }: { from: string; to: string }, { loaders }: Context) => {
    requireMonth(from, 'from');
    requireMonth(to, 'to');
    const span = monthSpan(from, to);
    if (span < 1 || span > 36) throw badInput('from must not be after to, and the range at most 36 months', { field: 'to' });
    return loaders.monthlyPointsOf({ from, to }).load(member._id);
  },
};
