import {
  actor,
  assertId,
  badInput,
  conflict,
  isDuplicateKey,
  notFound,
  requireDate,
  requireEnum,
  requireNonBlank,
  requireOrder,
  requirePeriod,
  requirePhone,
  requireRange,
  trusted,
  updateIf,
} from '@cg/kit';
import type { Context } from '../context';
import type { CreateJointBuildingUnitInput, CreateLiaisonAssignmentInput, ScoreLiaisonInput } from '../generated/resolvers-types';
import { JOINT_BUILDING_UNIT_KINDS, type JointBuildingUnitDoc } from '../models/JointBuildingUnit';
import { LIAISON_KINDS, type LiaisonAssignmentDoc } from '../models/LiaisonAssignment';
import { requireOrganization } from '../tree';
import { insertOnce } from './common';

/** Organisations a 大党委 forms around: a community committee or general branch. */
const COMMITTEE_LEVELS = ['COMMUNITY_COMMITTEE', 'GENERAL_BRANCH'];

export async function createJointBuildingUnit(ctx: Context, input: CreateJointBuildingUnitInput): Promise<JointBuildingUnitDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const kind = requireEnum(input.kind, JOINT_BUILDING_UNIT_KINDS, 'kind');
  const organizationId = assertId(input.organizationId, 'organizationId');
  const contactName = requireNonBlank(input.contactName, 'contactName', 50);
  const contactPhone = requirePhone(input.contactPhone, 'contactPhone');
  const services = [...new Set<string>((input.services ?? []).map((s: string) => requireNonBlank(s, 'services', 100)))];
  if (services.length === 0) throw badInput('services must name at least one service offered', { field: 'services' });
  const joinedOn = requireDate(input.joinedOn, 'joinedOn');
  const org = await requireOrganization(ctx.models, organizationId, 'organizationId');
  if (!COMMITTEE_LEVELS.includes(org.level)) throw badInput('a joint-building unit joins a community committee (大党委)', { field: 'organizationId' });
  const doc = { name, kind, organizationId, contactName, contactPhone, services, joinedOn };
  try {
    return await insertOnce<JointBuildingUnitDoc>(ctx, ctx.models.JointBuildingUnit, doc, input.idempotencyKey);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`${name} is in this 大党委 already`, { field: 'name' });
    throw error;
  }
}

export async function createLiaisonAssignment(ctx: Context, input: CreateLiaisonAssignmentInput): Promise<LiaisonAssignmentDoc> {
  const kind = requireEnum(input.kind, LIAISON_KINDS, 'kind');
  const liaisonName = requireNonBlank(input.liaisonName, 'liaisonName', 100);
  const title = input.title == null ? undefined : requireNonBlank(input.title, 'title', 100);
  const communityId = assertId(input.communityId, 'communityId');
  const organizationId = assertId(input.organizationId, 'organizationId');
  const startOn = requireDate(input.startOn, 'startOn');
  const endOn = input.endOn == null ? undefined : requireDate(input.endOn, 'endOn');
  if (endOn) requireOrder(startOn, endOn, ['startOn', 'endOn']);
  await requireOrganization(ctx.models, organizationId, 'organizationId');
  await ctx.peers.requireEntities('civil-affairs', 'Community', [communityId], 'communityId');
  const doc = { kind, liaisonName, title, communityId, organizationId, startOn, endOn };
  return insertOnce<LiaisonAssignmentDoc>(ctx, ctx.models.LiaisonAssignment, doc, input.idempotencyKey);
}

/** One score per period, appended atomically: the filter refuses a period already scored. */
export async function scoreLiaison(ctx: Context, id: string, input: ScoreLiaisonInput): Promise<LiaisonAssignmentDoc> {
  const liaisonId = assertId(id, 'id');
  const period = requirePeriod(input.period, 'period', ['YEAR', 'QUARTER']);
  if (!Number.isInteger(input.score)) throw badInput('score must be a whole number', { field: 'score' });
  const score = requireRange(input.score, 'score', 0, 100);
  const comment = input.comment == null ? undefined : requireNonBlank(input.comment, 'comment', 500);
  const scoredOn = requireDate(input.scoredOn, 'scoredOn');
  const current = (await ctx.models.LiaisonAssignment.findById(liaisonId).lean()) as LiaisonAssignmentDoc | null;
  if (!current) throw notFound('LiaisonAssignment', liaisonId);
  requireOrder(current.startOn, scoredOn, ['startOn', 'scoredOn']);
  const updated = await updateIf<LiaisonAssignmentDoc>(
    ctx.models.LiaisonAssignment,
    liaisonId,
    { 'scores.period': trusted({ $ne: period }) },
    { $push: { scores: { period, score, comment, scoredOn, scoredBy: actor(ctx) } } },
  );
  if (!updated) throw conflict(`the liaison has a score for ${period} already`, { field: 'period' });
  return updated;
}
