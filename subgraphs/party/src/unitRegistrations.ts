/** 单位党组织报到: a unit's party organisation reports to a community (003 剑河: 76 units; 004 雄安: 49 units). */
import { assertId, badInput, conflict, isDuplicateKey, notFound, optionalId, paginate, requireDate, requireEnum, requireNonBlank, requireRange, trusted } from '@cg/kit';
import type { Context } from './context';
import type { CreateUnitRegistrationInput, QueryUnitRegistrationsArgs } from './generated/resolvers-types';
import { JOINT_BUILDING_UNIT_KINDS } from './models/JointBuildingUnit';
import type { UnitRegistrationDoc } from './models/UnitRegistration';
import { insertOnce } from './commands/common';

const MAX_POSTS = 20;
const MAX_COMMITMENTS = 10;

export async function createUnitRegistration(ctx: Context, input: CreateUnitRegistrationInput): Promise<UnitRegistrationDoc> {
  const unitName = requireNonBlank(input.unitName, 'unitName', 100);
  const organizationName = requireNonBlank(input.organizationName, 'organizationName', 100);
  const kind = requireEnum(input.kind, JOINT_BUILDING_UNIT_KINDS, 'kind');
  const communityId = assertId(input.communityId, 'communityId');
  const reportedOn = requireDate(input.reportedOn, 'reportedOn');
  const memberCount = requireRange(input.memberCount, 'memberCount', 0, 10_000);
  const postIds = input.postIds.map((id) => assertId(id, 'postIds'));
  if (new Set(postIds).size !== postIds.length) throw badInput('postIds names a post twice', { field: 'postIds' });
  if (postIds.length > MAX_POSTS) throw badInput(`a unit takes on at most ${MAX_POSTS} posts`, { field: 'postIds' });
  if (input.commitments.length > MAX_COMMITMENTS) throw badInput(`a unit lists at most ${MAX_COMMITMENTS} commitments`, { field: 'commitments' });
  const commitments = input.commitments.map((c) => requireNonBlank(c, 'commitments', 200));
  const jointBuildingUnitId = input.jointBuildingUnitId == null ? undefined : assertId(input.jointBuildingUnitId, 'jointBuildingUnitId');
  if (postIds.length) {
    const found = new Set((await ctx.models.ServicePost.find({ _id: trusted({ $in: postIds }) }, { _id: 1 }).lean()).map((p) => String(p._id)));
    const missing = postIds.find((id) => !found.has(id));
    if (missing) throw notFound('ServicePost', missing, 'postIds');
  }
  if (jointBuildingUnitId && !(await ctx.models.JointBuildingUnit.exists({ _id: jointBuildingUnitId })))
    throw notFound('JointBuildingUnit', jointBuildingUnitId, 'jointBuildingUnitId');
  await ctx.peers.requireEntities('civil-affairs', 'Community', [communityId], 'communityId');
  const doc = { unitName, organizationName, kind, communityId, reportedOn, memberCount, postIds, commitments, jointBuildingUnitId };
  try {
    return await insertOnce<UnitRegistrationDoc>(ctx, ctx.models.UnitRegistration, doc, input.idempotencyKey);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('the unit has reported to this community already', { field: 'unitName' });
    throw error;
  }
}

export function unitRegistrations(ctx: Context, { filter, ...page }: QueryUnitRegistrationsArgs) {
  const communityId = optionalId(filter?.communityId, 'filter.communityId');
  const kind = filter?.kind ?? undefined;
  const query = Object.fromEntries(Object.entries({ communityId, kind }).filter(([, v]) => v !== undefined));
  return paginate<UnitRegistrationDoc>(ctx.models.UnitRegistration, query, { reportedOn: -1 }, page);
}
