/**
 * 小区 / 楼栋 / 房屋 master data. A dwelling belongs to a building of an estate; a building stands in a grid of the
 * estate's community (asked of civil affairs). A child is created, and a parent archived, under one lease on the
 * parent, so no new child ever hangs under an archived parent.
 */
import { actor, assertId, badInput, conflict, createOnce, notFound, requireDate, requireNonBlank, requireRange, withLock } from '@cg/kit';
import type { Context } from '../context';
import type { CreateBuildingInput, CreateEstateInput, CreateUnitInput, UpdateBuildingInput, UpdateEstateInput, UpdateUnitInput } from '../generated/resolvers-types';
import type { BuildingDoc } from '../models/Building';
import type { EstateDoc, ManagementEvent } from '../models/Estate';
import type { PropertyCompanyDoc } from '../models/PropertyCompany';
import type { UnitDoc } from '../models/Unit';
import { requireBuilding, requireCompany, requireEstate, requireUnit } from '../references';
import { archiveRecord, changes, requireCommunityInScope, requireInUse, uniquely } from './common';

const MAX_FLOORS = 100;
const childrenOf = (collection: string, id: string) => `children:${collection}:${id}`;

/** The community, from civil affairs: NOT_FOUND when unknown, CONFLICT when archived. */
async function requireLiveCommunity(ctx: Context, communityId: string): Promise<void> {
  const [community] = await ctx.peers.entities('civil-affairs', 'Community', [communityId], 'id archived { at }');
  if (!community) throw notFound('Community', communityId, 'communityId');
  if (community.archived) throw conflict('the community is archived (已归档) and takes no new estates', { field: 'communityId', reason: 'ARCHIVED' });
}

/** The grid, from civil affairs, must lie in the estate's community. */
async function requireGridOf(ctx: Context, gridId: string, communityId: string): Promise<void> {
  const [grid] = await ctx.peers.entities('civil-affairs', 'Grid', [gridId], 'id community { id }');
  if (!grid) throw notFound('Grid', gridId, 'gridId');
  if ((grid.community as { id?: string } | null)?.id !== communityId) throw badInput("the grid does not lie in the estate's community", { field: 'gridId' });
}

async function liveCompany(ctx: Context, id: string): Promise<PropertyCompanyDoc> {
  const company = await requireCompany(ctx, id);
  requireInUse(company, 'company', 'propertyCompanyId');
  return company;
}

export async function createEstate(ctx: Context, input: CreateEstateInput): Promise<EstateDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const address = requireNonBlank(input.address, 'address', 200);
  const communityId = assertId(input.communityId, 'communityId');
  const companyId = input.propertyCompanyId == null ? undefined : assertId(input.propertyCompanyId, 'propertyCompanyId');
  if (companyId && input.managedSince == null) throw badInput('managedSince is required with propertyCompanyId', { field: 'managedSince' });
  if (!companyId && input.managedSince != null) throw badInput('managedSince needs propertyCompanyId', { field: 'managedSince' });
  const managedSince = input.managedSince == null ? undefined : requireDate(input.managedSince, 'managedSince');
  requireCommunityInScope(ctx, communityId, 'communityId');
  const company = companyId ? await liveCompany(ctx, companyId) : undefined;
  await requireLiveCommunity(ctx, communityId);
  const history: ManagementEvent[] = company
    ? [
        {
          action: company.isFallbackProvider ? 'FALLBACK_TAKEOVER' : 'CONTRACTED',
          propertyCompanyId: company._id,
          effectiveOn: managedSince!,
          recordedBy: actor(ctx),
          recordedAt: new Date().toISOString(),
        },
      ]
    : [];
  const doc = { name, address, communityId, propertyCompanyId: company?._id, managedSince, managementHistory: history };
  const { doc: created } = await createOnce<EstateDoc>(ctx.models.Estate, doc, {
    idempotencyKey: input.idempotencyKey,
    caller: actor(ctx),
    input: { name, address, communityId, companyId, managedSince },
  });
  return created;
}

/** The estate a change is about: in the caller's communities and not archived. */
async function estateToChange(ctx: Context, id: string, field: string): Promise<EstateDoc> {
  const estate = await requireEstate(ctx, id, field);
  requireCommunityInScope(ctx, estate.communityId, field);
  requireInUse(estate, 'estate', field);
  return estate;
}

export async function updateEstate(ctx: Context, id: string, input: UpdateEstateInput): Promise<EstateDoc> {
  const estateId = assertId(id, 'id');
  const set = changes({
    name: input.name == null ? undefined : requireNonBlank(input.name, 'name', 100),
    address: input.address == null ? undefined : requireNonBlank(input.address, 'address', 200),
  });
  await estateToChange(ctx, estateId, 'id');
  return (await ctx.models.Estate.findOneAndUpdate({ _id: estateId }, { $set: set }, { returnDocument: 'after' }).lean()) as EstateDoc;
}

export async function archiveEstate(ctx: Context, id: string, reason: string): Promise<EstateDoc> {
  const estateId = assertId(id, 'id');
  await estateToChange(ctx, estateId, 'id');
  return withLock(ctx.models.Estate.db, childrenOf('estates', estateId), async () => {
    const live = ((await ctx.models.Building.find({ estateId }).lean()) as BuildingDoc[]).filter((b) => !b.archivedAt);
    if (live.length > 0) throw conflict(`${live.length} building(s) of the estate are in use; archive them first`, { field: 'id' });
    return archiveRecord<EstateDoc>(ctx, ctx.models.Estate, estateId, reason);
  });
}

export async function createBuilding(ctx: Context, input: CreateBuildingInput): Promise<BuildingDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const number = requireNonBlank(input.number, 'number', 20);
  const floors = requireRange(input.floors, 'floors', 1, MAX_FLOORS);
  const gridId = assertId(input.gridId, 'gridId');
  const estate = await estateToChange(ctx, estateId, 'estateId');
  await requireGridOf(ctx, gridId, estate.communityId);
  const doc = { estateId, number, floors, gridId };
  return withLock(ctx.models.Estate.db, childrenOf('estates', estateId), async () => {
    requireInUse((await ctx.models.Estate.findById(estateId).lean()) as EstateDoc, 'estate', 'estateId');
    const { doc: created } = await uniquely('number', () =>
      createOnce<BuildingDoc>(ctx.models.Building, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc }),
    );
    return created;
  });
}

/** The building a change is about, with its estate: in the caller's communities, neither archived. */
async function buildingToChange(ctx: Context, id: string, field: string): Promise<{ building: BuildingDoc; estate: EstateDoc }> {
  const building = await requireBuilding(ctx, id, field);
  const estate = await requireEstate(ctx, building.estateId, field);
  requireCommunityInScope(ctx, estate.communityId, field);
  requireInUse(building, 'building', field);
  requireInUse(estate, 'estate', field);
  return { building, estate };
}

export async function updateBuilding(ctx: Context, id: string, input: UpdateBuildingInput): Promise<BuildingDoc> {
  const buildingId = assertId(id, 'id');
  const set = changes({
    number: input.number == null ? undefined : requireNonBlank(input.number, 'number', 20),
    floors: input.floors == null ? undefined : requireRange(input.floors, 'floors', 1, MAX_FLOORS),
    gridId: input.gridId == null ? undefined : assertId(input.gridId, 'gridId'),
  });
  const { estate } = await buildingToChange(ctx, buildingId, 'id');
  if (set.gridId) await requireGridOf(ctx, String(set.gridId), estate.communityId);
  return withLock(ctx.models.Building.db, childrenOf('buildings', buildingId), async () => {
    if (set.floors !== undefined) {
      const highest = Math.max(0, ...((await ctx.models.Unit.find({ buildingId }).lean()) as UnitDoc[]).map((u) => u.floor));
      if (Number(set.floors) < highest) throw badInput(`a dwelling lies on floor ${highest}`, { field: 'floors' });
    }
    return uniquely('number', async () => (await ctx.models.Building.findOneAndUpdate({ _id: buildingId }, { $set: set }, { returnDocument: 'after' }).lean()) as BuildingDoc);
  });
}

export async function archiveBuilding(ctx: Context, id: string, reason: string): Promise<BuildingDoc> {
  const buildingId = assertId(id, 'id');
  await buildingToChange(ctx, buildingId, 'id');
  return withLock(ctx.models.Building.db, childrenOf('buildings', buildingId), async () => {
    const live = ((await ctx.models.Unit.find({ buildingId }).lean()) as UnitDoc[]).filter((u) => !u.archivedAt);
    if (live.length > 0) throw conflict(`${live.length} dwelling(s) of the building are in use; archive them first`, { field: 'id' });
    return archiveRecord<BuildingDoc>(ctx, ctx.models.Building, buildingId, reason);
  });
}

export async function createUnit(ctx: Context, input: CreateUnitInput): Promise<UnitDoc> {
  const buildingId = assertId(input.buildingId, 'buildingId');
  const entrance = requireNonBlank(input.entrance, 'entrance', 20);
  const room = requireNonBlank(input.room, 'room', 20);
  const { building } = await buildingToChange(ctx, buildingId, 'buildingId');
  const floor = requireRange(input.floor, 'floor', 1, building.floors);
  const doc = { buildingId, entrance, floor, room };
  return withLock(ctx.models.Building.db, childrenOf('buildings', buildingId), async () => {
    requireInUse((await ctx.models.Building.findById(buildingId).lean()) as BuildingDoc, 'building', 'buildingId');
    const { doc: created } = await uniquely('room', () => createOnce<UnitDoc>(ctx.models.Unit, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc }));
    return created;
  });
}

/** The dwelling a change is about, with its building: in the caller's communities, nothing archived. */
async function unitToChange(ctx: Context, id: string): Promise<{ unit: UnitDoc; building: BuildingDoc }> {
  const unit = await requireUnit(ctx, id, 'id');
  const { building } = await buildingToChange(ctx, unit.buildingId, 'id');
  requireInUse(unit, 'dwelling', 'id');
  return { unit, building };
}

export async function updateUnit(ctx: Context, id: string, input: UpdateUnitInput): Promise<UnitDoc> {
  const unitId = assertId(id, 'id');
  const set = changes({
    entrance: input.entrance == null ? undefined : requireNonBlank(input.entrance, 'entrance', 20),
    room: input.room == null ? undefined : requireNonBlank(input.room, 'room', 20),
    floor: input.floor ?? undefined,
  });
  const { building } = await unitToChange(ctx, unitId);
  if (set.floor !== undefined) requireRange(Number(set.floor), 'floor', 1, building.floors);
  return uniquely('room', async () => (await ctx.models.Unit.findOneAndUpdate({ _id: unitId }, { $set: set }, { returnDocument: 'after' }).lean()) as UnitDoc);
}

/** A dwelling with a household registered in it (asked of civil affairs) stays in use. */
export async function archiveUnit(ctx: Context, id: string, reason: string): Promise<UnitDoc> {
  const unitId = assertId(id, 'id');
  await unitToChange(ctx, unitId);
  const [seen] = await ctx.peers.entities('civil-affairs', 'Unit', [unitId], 'id household { id }');
  if (seen?.household) throw conflict('a household is registered in the dwelling; move it first', { field: 'id' });
  return archiveRecord<UnitDoc>(ctx, ctx.models.Unit, unitId, reason);
}
