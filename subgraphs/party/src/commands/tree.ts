import { assertId, conflict, isDuplicateKey, requireEnum, requireNonBlank, requirePastDate } from '@cg/kit';
import type { Context } from '../context';
import type { CreatePartyMemberInput, CreatePartyOrganizationInput, UpdatePartyMemberInput } from '../generated/resolvers-types';
import { CATEGORIES, type PartyMemberDoc } from '../models/PartyMember';
import { LEVELS, type PartyOrganizationDoc } from '../models/PartyOrganization';
import { requireMember } from '../members';
import { checkPlacement, requireOrganization } from '../tree';
import { insertOnce } from './common';

export async function createPartyOrganization(ctx: Context, input: CreatePartyOrganizationInput): Promise<PartyOrganizationDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const level = requireEnum(input.level, LEVELS, 'level');
  const parentId = input.parentId == null ? null : assertId(input.parentId, 'parentId');
  const coveredGridIds: string[] = [...new Set<string>((input.coveredGridIds ?? []).map((id: unknown) => assertId(id, 'coveredGridIds')))];
  const parent = parentId ? await requireOrganization(ctx.models, parentId, 'parentId') : null;
  checkPlacement(level, parent);
  await ctx.peers.requireEntities('civil-affairs', 'Grid', coveredGridIds, 'coveredGridIds');
  const doc = { name, level, parentId: parent?._id, ancestorIds: parent ? [...(parent.ancestorIds ?? []), parent._id] : [], coveredGridIds };
  return insertOnce<PartyOrganizationDoc>(ctx, ctx.models.PartyOrganization, doc, input.idempotencyKey);
}

export async function createPartyMember(ctx: Context, input: CreatePartyMemberInput): Promise<PartyMemberDoc> {
  const residentId = assertId(input.residentId, 'residentId');
  const category = requireEnum(input.category, CATEGORIES, 'category');
  const organizationId = assertId(input.organizationId, 'organizationId');
  const joinedOn = requirePastDate(input.joinedOn, 'joinedOn');
  await requireOrganization(ctx.models, organizationId, 'organizationId');
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
  try {
    return await insertOnce<PartyMemberDoc>(ctx, ctx.models.PartyMember, { residentId, category, organizationId, joinedOn }, input.idempotencyKey);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`resident ${residentId} is a party member already`, { field: 'residentId' });
    throw error;
  }
}

export async function updatePartyMember(ctx: Context, id: string, input: UpdatePartyMemberInput): Promise<PartyMemberDoc> {
  const memberId = assertId(id, 'id');
  const set: Record<string, string> = {};
  if (input.category != null) set.category = requireEnum(input.category, CATEGORIES, 'category');
  if (input.organizationId != null) {
    set.organizationId = assertId(input.organizationId, 'organizationId');
    await requireOrganization(ctx.models, set.organizationId, 'organizationId');
  }
  await requireMember(ctx.models, memberId, 'id');
  await ctx.models.PartyMember.updateOne({ _id: memberId }, { $set: set });
  return requireMember(ctx.models, memberId, 'id');
}
