import DataLoader from 'dataloader';
import { byIdLoader, manyByFieldLoader, oneByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { AwardNominationDoc } from './models/AwardNomination';
import type { DualRegistrationDoc } from './models/DualRegistration';
import type { JointBuildingUnitDoc } from './models/JointBuildingUnit';
import type { LiaisonAssignmentDoc } from './models/LiaisonAssignment';
import type { MicroWishDoc } from './models/MicroWish';
import type { PartyMemberDoc } from './models/PartyMember';
import type { PartyOrganizationDoc } from './models/PartyOrganization';
import type { PointEntryDoc } from './models/PointEntry';
import type { PostClaimDoc } from './models/PostClaim';
import type { ServiceActivityDoc } from './models/ServiceActivity';
import type { ServicePostDoc } from './models/ServicePost';
import { monthlyPoints } from './points';
import { quotaCounts, toStatus, type QuotaStatus } from './quota';
import type { JointCaseDoc } from './models/JointCase';
import type { ResponseUnitDoc } from './models/ResponseUnit';
import { governanceLoaders } from './meetings/loaders';

/** Loaders that take an argument (a year, a level): one DataLoader per distinct argument, created on first use. */
function perArgument<A, K, V>(create: (arg: A) => DataLoader<K, V>) {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (arg: A) => {
    const key = JSON.stringify(arg ?? null);
    if (!loaders.has(key)) loaders.set(key, create(arg));
    return loaders.get(key)!;
  };
}

/** Members per organisation, counted by one `$group` per batch. */
const memberCountLoader = (models: Models) =>
  new DataLoader<string, number>(async (orgIds) => {
    const rows = await models.PartyMember.aggregate<{ _id: string; n: number }>([
      { $match: { organizationId: { $in: [...orgIds] } } },
      { $group: { _id: '$organizationId', n: { $sum: 1 } } },
    ]);
    const counts = new Map(rows.map((r) => [r._id, r.n]));
    return orgIds.map((id) => counts.get(id) ?? 0);
  });

/** Per request: every entity and list relation batched into one query per type (and argument). */
export const createLoaders = ({ models }: { models: Models }) => ({
  // --- organisation tree and members
  organization: byIdLoader<PartyOrganizationDoc>(models.PartyOrganization),
  childrenOf: manyByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'parentId'),
  descendantsOf: perArgument((level: string | null) => manyByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'ancestorIds', level ? { level } : {})),
  branchByGrid: oneByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'coveredGridIds', { level: 'BRANCH' }),
  member: byIdLoader<PartyMemberDoc>(models.PartyMember),
  membersOf: manyByFieldLoader<PartyMemberDoc>(models.PartyMember, 'organizationId'),
  memberCountOf: memberCountLoader(models),
  memberByResident: oneByFieldLoader<PartyMemberDoc>(models.PartyMember, 'residentId'),
  // --- 双报到, service posts, quota
  dualRegistration: byIdLoader<DualRegistrationDoc>(models.DualRegistration),
  registrationsOf: manyByFieldLoader<DualRegistrationDoc>(models.DualRegistration, 'memberId'),
  servicePost: byIdLoader<ServicePostDoc>(models.ServicePost),
  postsInGrid: manyByFieldLoader<ServicePostDoc>(models.ServicePost, 'gridId'),
  postClaim: byIdLoader<PostClaimDoc>(models.PostClaim),
  claimsOfPost: perArgument((year: number | null) => manyByFieldLoader<PostClaimDoc>(models.PostClaim, 'postId', year ? { year } : {})),
  claimsOfMember: perArgument((year: number | null) => manyByFieldLoader<PostClaimDoc>(models.PostClaim, 'memberId', year ? { year } : {})),
  serviceActivity: byIdLoader<ServiceActivityDoc>(models.ServiceActivity),
  activitiesOf: perArgument((year: number | null) => manyByFieldLoader<ServiceActivityDoc>(models.ServiceActivity, 'memberId', year ? { year } : {})),
  quotaOf: perArgument(
    (year: number) =>
      new DataLoader<string, QuotaStatus>(async (memberIds) => {
        const counts = await quotaCounts(models, year, memberIds);
        return memberIds.map((id) => toStatus(year, counts.get(id)!));
      }),
  ),
  // --- 微心愿, points, awards
  microWish: byIdLoader<MicroWishDoc>(models.MicroWish),
  pointEntry: byIdLoader<PointEntryDoc>(models.PointEntry),
  monthlyPointsOf: perArgument(
    ({ from, to }: { from: string; to: string }) => new DataLoader<string, Awaited<ReturnType<typeof monthlyPoints>>[number]>((ids) => monthlyPoints(models, [...ids], from, to)),
  ),
  awardNomination: byIdLoader<AwardNominationDoc>(models.AwardNomination),
  nominationsOf: perArgument((quarter: string) => manyByFieldLoader<AwardNominationDoc>(models.AwardNomination, 'branchId', { quarter })),
  // --- 大党委 and 包联
  jointBuildingUnit: byIdLoader<JointBuildingUnitDoc>(models.JointBuildingUnit),
  jointBuildingUnitsOf: manyByFieldLoader<JointBuildingUnitDoc>(models.JointBuildingUnit, 'organizationId'),
  liaisonAssignment: byIdLoader<LiaisonAssignmentDoc>(models.LiaisonAssignment),
  // 1+3+N joint response (一呼联动)
  jointCase: byIdLoader<JointCaseDoc & { _id: string }>(models.JointCase),
  responseUnit: byIdLoader<ResponseUnitDoc>(models.ResponseUnit),
  // escalation, joint meetings and supervision
  ...governanceLoaders(models),
});
export type Loaders = ReturnType<typeof createLoaders>;
