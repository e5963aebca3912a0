import DataLoader from 'dataloader';
import { byIdLoader, manyByFieldLoader, oneByFieldLoader, pagedByFieldLoader } from '@cg/kit';
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
import type { UnitRegistrationDoc } from './models/UnitRegistration';
import { monthlyPoints } from './points';
import { quotaCounts, toStatus, type QuotaStatus } from './quota';
import type { JointCaseDoc } from './models/JointCase';
import type { ResponseUnitDoc } from './models/ResponseUnit';
import type { DeliberationSessionDoc, DeliberationTopicDoc } from './models/Deliberation';
import { deliberationMeasures } from './deliberation/measures';
import { governanceLoaders } from './meetings/loaders';

/** Loaders that take an argument (a year, a level): one DataLoader per distinct argument, created on first use. */
function perArgument<A, L>(create: (arg: A) => L) {
  const loaders = new Map<string, L>();
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
  childrenOf: pagedByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'parentId', { name: 1 }),
  descendantsOf: perArgument((level: string | null) => manyByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'ancestorIds', level ? { level } : {})),
  descendantPagesOf: perArgument((level: string | null) => pagedByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'ancestorIds', { name: 1 }, level ? { level } : {})),
  branchByGrid: oneByFieldLoader<PartyOrganizationDoc>(models.PartyOrganization, 'coveredGridIds', { level: 'BRANCH' }),
  member: byIdLoader<PartyMemberDoc>(models.PartyMember),
  membersOf: pagedByFieldLoader<PartyMemberDoc>(models.PartyMember, 'organizationId', { joinedOn: 1 }),
  memberCountOf: memberCountLoader(models),
  memberByResident: oneByFieldLoader<PartyMemberDoc>(models.PartyMember, 'residentId'),
  // --- 双报到, service posts, quota
  dualRegistration: byIdLoader<DualRegistrationDoc>(models.DualRegistration),
  registrationsOf: pagedByFieldLoader<DualRegistrationDoc>(models.DualRegistration, 'memberId', { reportedOn: -1 }),
  servicePost: byIdLoader<ServicePostDoc>(models.ServicePost),
  postsInGrid: pagedByFieldLoader<ServicePostDoc>(models.ServicePost, 'gridId', { name: 1 }),
  postClaim: byIdLoader<PostClaimDoc>(models.PostClaim),
  unitRegistration: byIdLoader<UnitRegistrationDoc>(models.UnitRegistration),
  creditsOfCase: manyByFieldLoader<PointEntryDoc>(models.PointEntry, 'sourceId', { sourceType: 'JOINT_CASE' }),
  claimsOfPost: perArgument((year: number | null) => pagedByFieldLoader<PostClaimDoc>(models.PostClaim, 'postId', { claimedOn: -1 }, year ? { year } : {})),
  claimsOfMember: perArgument((year: number | null) => pagedByFieldLoader<PostClaimDoc>(models.PostClaim, 'memberId', { claimedOn: -1 }, year ? { year } : {})),
  serviceActivity: byIdLoader<ServiceActivityDoc>(models.ServiceActivity),
  activitiesOf: perArgument((year: number | null) => pagedByFieldLoader<ServiceActivityDoc>(models.ServiceActivity, 'memberId', { date: -1 }, year ? { year } : {})),
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
  jointBuildingUnitsOf: pagedByFieldLoader<JointBuildingUnitDoc>(models.JointBuildingUnit, 'organizationId', { name: 1 }),
  liaisonAssignment: byIdLoader<LiaisonAssignmentDoc>(models.LiaisonAssignment),
  // 1+3+N joint response (一呼联动)
  jointCase: byIdLoader<JointCaseDoc & { _id: string }>(models.JointCase),
  responseUnit: byIdLoader<ResponseUnitDoc>(models.ResponseUnit),
  // resident deliberation (议事协商)
  deliberationTopic: byIdLoader<DeliberationTopicDoc>(models.DeliberationTopic),
  deliberationSession: byIdLoader<DeliberationSessionDoc>(models.DeliberationSession),
  // Equality reads per community (what FerretDB runs in SQL), all of one `_entities` batch at once.
  deliberationMeasuresOf: perArgument((year: number) => new DataLoader((ids: readonly string[]) => Promise.all(ids.map((id) => deliberationMeasures(models, id, year))))),
  // escalation, joint meetings and supervision
  ...governanceLoaders(models),
});
export type Loaders = ReturnType<typeof createLoaders>;
