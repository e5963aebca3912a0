/** Registering and updating grids, households and residents (一户一档): validate everything, then one write. */
import { assertId, badInput, conflict, createOnce, isDuplicateKey, notFound, optionalText, requireIdNumber, requireNonBlank, requirePhone } from '@cg/kit';
import { caller, type Context } from './context';
import type { CreateGridInput, RegisterHouseholdInput, RegisterResidentInput, UpdateHouseholdInput, UpdateResidentInput } from './generated/resolvers-types';
import type { GridDoc } from './models/Grid';
import type { HouseholdDoc } from './models/Household';
import type { ResidentDoc } from './models/Resident';
import { recountCommunity, requireLiveCommunity } from './masterData/communities';
import { requireLiveUnit } from './masterData/dwellings';

const PARENT_LEVEL: Record<string, string | null> = { GRID: null, BUILDING: 'GRID', ENTRANCE: 'BUILDING' };

/** Unique-index violations become CONFLICT naming the field. */
async function uniquely<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`${field} is already registered`, { field });
    throw error;
  }
}

export async function loadGrid(ctx: Context, id: unknown, field: string): Promise<GridDoc> {
  const grid = await ctx.loaders.grid.load(assertId(id, field));
  if (!grid) throw notFound('Grid', String(id), field);
  return grid;
}
/** A resident a write is about; FORBIDDEN when outside the caller's grids (nothing is written for them). */
export async function loadResident(ctx: Context, id: unknown, field = 'residentId'): Promise<ResidentDoc> {
  const resident = await ctx.loaders.resident.load(assertId(id, field));
  if (!resident) throw notFound('Resident', String(id), field);
  ctx.requireInScope('Resident', resident, field);
  return resident;
}
/** A household a write is about; FORBIDDEN when outside the caller's grids or communities. */
async function loadHousehold(ctx: Context, id: unknown, field = 'householdId'): Promise<HouseholdDoc> {
  const household = await ctx.loaders.household.load(assertId(id, field));
  if (!household) throw notFound('Household', String(id), field);
  ctx.requireInScope('Household', household, field);
  return household;
}

export async function createGrid(ctx: Context, input: CreateGridInput): Promise<GridDoc> {
  const code = requireNonBlank(input.code, 'code', 40);
  const name = requireNonBlank(input.name, 'name', 100);
  const leaderName = requireNonBlank(input.leaderName, 'leaderName', 40);
  const workers = (input.workers ?? []).map((w, i) => ({
    name: requireNonBlank(w.name, `workers.${i}.name`, 40),
    role: w.role,
    phone: w.phone == null ? undefined : requirePhone(w.phone, `workers.${i}.phone`),
  }));
  const parentLevel = PARENT_LEVEL[input.level];
  let communityId: string;
  let parent: GridDoc | undefined;
  if (parentLevel === null) {
    if (input.parentId != null) throw badInput('a GRID node sits directly under its community: leave parentId out', { field: 'parentId' });
    if (input.communityId == null) throw badInput('communityId is required for a GRID node', { field: 'communityId' });
    communityId = (await requireLiveCommunity(ctx, assertId(input.communityId, 'communityId'), 'communityId'))._id;
  } else {
    if (input.parentId == null) throw badInput(`parentId (a ${parentLevel} node) is required for a ${input.level} node`, { field: 'parentId' });
    parent = await loadGrid(ctx, input.parentId, 'parentId');
    if ((parent.level ?? 'GRID') !== parentLevel) throw badInput(`the parent of a ${input.level} node must be a ${parentLevel} node`, { field: 'parentId' });
    if (input.communityId != null && input.communityId !== parent.communityId) throw badInput("communityId differs from the parent grid's community", { field: 'communityId' });
    communityId = (await requireLiveCommunity(ctx, parent.communityId, 'parentId'))._id;
  }
  const doc = {
    code,
    name,
    level: input.level,
    communityId,
    leaderName,
    workers,
    ...(parent ? { parentId: parent._id, ancestorIds: [...(parent.ancestorIds ?? []), parent._id] } : {}),
  };
  const { doc: grid } = await uniquely('code', () => createOnce<GridDoc>(ctx.models.Grid, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input }));
  return grid;
}

/** The sub-grid path (building, entrance) below `grid` ending at `subGridId`, checked to lie under it. */
async function subGridPath(ctx: Context, grid: GridDoc, subGridId: unknown): Promise<string[]> {
  const sub = await loadGrid(ctx, subGridId, 'subGridId');
  const path = sub.ancestorIds ?? [];
  if (path[0] !== grid._id) throw badInput('subGridId is not a building or entrance grid under gridId', { field: 'subGridId' });
  return [...path.slice(1), sub._id];
}

export async function registerHousehold(ctx: Context, input: RegisterHouseholdInput): Promise<HouseholdDoc> {
  const fileNumber = requireNonBlank(input.fileNumber, 'fileNumber', 40);
  const grid = await loadGrid(ctx, input.gridId, 'gridId');
  if ((grid.level ?? 'GRID') !== 'GRID') throw badInput('gridId must be a top-level GRID node; put building/entrance in subGridId', { field: 'gridId' });
  const subGridIds = input.subGridId == null ? undefined : await subGridPath(ctx, grid, input.subGridId);
  const originVillage = optionalText(input.originVillage, 'originVillage', 60);
  const doc = { fileNumber, tenure: input.tenure, originVillage, communityId: grid.communityId, gridId: grid._id, subGridIds, unitId: input.unitId ?? undefined };
  ctx.requireInScope('Household', doc, 'gridId');
  await requireLiveCommunity(ctx, grid.communityId, 'gridId');
  if (input.unitId != null) await requireLiveUnit(ctx, input.unitId);
  const { doc: household } = await uniquely('fileNumber', () =>
    createOnce<HouseholdDoc>(ctx.models.Household, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input }),
  );
  await recountCommunity(ctx, household.communityId);
  return household;
}

export async function updateHousehold(ctx: Context, id: unknown, input: UpdateHouseholdInput): Promise<HouseholdDoc> {
  const household = await loadHousehold(ctx, id, 'id');
  const set: Record<string, unknown> = {};
  if (input.tenure != null) set.tenure = input.tenure;
  if (input.originVillage != null) set.originVillage = requireNonBlank(input.originVillage, 'originVillage', 60);
  if (input.unitId != null) {
    set.unitId = await requireLiveUnit(ctx, input.unitId);
  }
  if (Object.keys(set).length === 0) throw badInput('nothing to change', { field: 'input' });
  return (await ctx.models.Household.findOneAndUpdate({ _id: household._id }, { $set: set }, { returnDocument: 'after' }).lean()) as HouseholdDoc;
}

export async function registerResident(ctx: Context, input: RegisterResidentInput): Promise<ResidentDoc> {
  const name = requireNonBlank(input.name, 'name', 40);
  const { idNumber, birthDate, sex } = requireIdNumber(input.idNumber);
  const phone = input.phone == null ? undefined : requirePhone(input.phone);
  const relationToHead = requireNonBlank(input.relationToHead, 'relationToHead', 20);
  const household = await loadHousehold(ctx, input.householdId);
  const doc = { name, idNumber, phone, birthDate, sex, residency: input.residency ?? 'REGISTERED', relationToHead, householdId: household._id, gridId: household.gridId };
  // A retry with the same key returns the first resident; another resident with this ID number is a CONFLICT.
  const { doc: resident } = await uniquely('idNumber', () =>
    createOnce<ResidentDoc>(ctx.models.Resident, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input: { ...input, idNumber } }),
  );
  await recountCommunity(ctx, household.communityId);
  return resident;
}

export async function updateResident(ctx: Context, id: unknown, input: UpdateResidentInput): Promise<ResidentDoc> {
  const resident = await loadResident(ctx, id, 'id');
  const set: Record<string, unknown> = {};
  if (input.name != null) set.name = requireNonBlank(input.name, 'name', 40);
  if (input.idNumber != null) Object.assign(set, requireIdNumber(input.idNumber)); // a corrected number brings its birth date and sex
  if (input.phone != null) set.phone = requirePhone(input.phone);
  if (input.relationToHead != null) set.relationToHead = requireNonBlank(input.relationToHead, 'relationToHead', 20);
  if (input.residency != null) set.residency = input.residency;
  if (Object.keys(set).length === 0) throw badInput('nothing to change', { field: 'input' });
  return uniquely('idNumber', async () => (await ctx.models.Resident.findOneAndUpdate({ _id: resident._id }, { $set: set }, { returnDocument: 'after' }).lean()) as ResidentDoc);
}
