import { actor, assertId, badInput, createOnce, requireDate, requireNonBlank, requireOrder } from '@cg/kit';
import type { Context } from './context';
import type { CreateOwnersCommitteeInput } from './generated/resolvers-types';
import type { OwnersCommitteeDoc } from './models/OwnersCommittee';
import { requireBuilding, requireEstate } from './references';

const MAX_COMMITTEE_MEMBERS = 21;

/** The member list rules, pure: 1–21 distinct residents, at most one chair (主任). */
export function checkMembers(members: Array<{ residentId: string; role: string }>): string[] {
  if (members.length < 1 || members.length > MAX_COMMITTEE_MEMBERS) {
    throw badInput(`members must list 1 to ${MAX_COMMITTEE_MEMBERS} residents`, { field: 'members' });
  }
  const ids = members.map((m) => assertId(m.residentId, 'members'));
  if (new Set(ids).size !== ids.length) throw badInput('members must not list a resident twice', { field: 'members' });
  if (members.filter((m) => m.role === 'DIRECTOR').length > 1) throw badInput('a committee has at most one DIRECTOR (主任)', { field: 'members' });
  return ids;
}

/** 成立业委会 / 楼管委: own records checked locally, every member as a Resident with civil affairs, then one insert. */
export async function createOwnersCommittee(ctx: Context, input: CreateOwnersCommitteeInput): Promise<OwnersCommitteeDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const estateId = assertId(input.estateId, 'estateId');
  const termStart = requireDate(input.termStart, 'termStart');
  const termEnd = requireDate(input.termEnd, 'termEnd');
  requireOrder(termStart, termEnd, ['termStart', 'termEnd']);
  const memberIds = checkMembers(input.members);
  const buildingId = input.buildingId == null ? undefined : assertId(input.buildingId, 'buildingId');
  if (input.kind === 'BUILDING_COMMITTEE' && !buildingId) throw badInput('a building committee (楼管委) needs buildingId', { field: 'buildingId' });
  if (input.kind === 'OWNERS_COMMITTEE' && buildingId) throw badInput("an estate's owners' committee (业委会) has no buildingId", { field: 'buildingId' });
  await requireEstate(ctx, estateId);
  if (buildingId && (await requireBuilding(ctx, buildingId)).estateId !== estateId) {
    throw badInput('the building does not lie in the estate', { field: 'buildingId' });
  }
  await ctx.peers.requireEntities('civil-affairs', 'Resident', memberIds, 'members');
  const members = input.members.map((m) => ({ residentId: m.residentId, role: m.role }));
  const doc = { kind: input.kind, name, estateId, buildingId, termStart, termEnd, members };
  const { doc: created } = await createOnce<OwnersCommitteeDoc>(
    ctx.models.OwnersCommittee,
    { ...doc, createdBy: actor(ctx) },
    { idempotencyKey: input.idempotencyKey, caller: ctx.identity?.subject, input: doc },
  );
  return created;
}
