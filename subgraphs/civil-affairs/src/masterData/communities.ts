/**
 * 社区 master data and its derived counts. `householdCount` and `population` are stored on the community and
 * recounted from the registry after every registration, under a lease on the community (kit withLock), so reads
 * cost nothing and two registrations at once cannot leave a stale figure: the later recount sees both. Each count
 * is a `count` on an indexed top-level equality (households by communityId, residents by top-level gridId), which
 * the embedded FerretDB answers in SQL. A registration interrupted before its recount is set right by the next one,
 * or by `recountCommunity`.
 */
import { actor, assertId, badInput, conflict, countMatching, createOnce, notFound, requireCommunityScope, requireNonBlank, updateIf, withLock } from '@cg/kit';
import { caller, type Context } from '../context';
import type { CreateCommunityInput, UpdateCommunityInput } from '../generated/resolvers-types';
import type { CommunityDoc } from '../models/Community';
import type { GridDoc } from '../models/Grid';

export const archiveInfo = (c: CommunityDoc) => (c.archivedAt ? { at: c.archivedAt, by: c.archivedBy ?? null, reason: c.archiveReason ?? null } : null);

/** The community a write refers to; CONFLICT when archived (it takes no new grids or households). */
export async function requireLiveCommunity(ctx: Context, id: string, field: string): Promise<CommunityDoc> {
  const community = await ctx.loaders.community.load(id);
  if (!community) throw notFound('Community', id, field);
  if (community.archivedAt) throw conflict('the community is archived (已归档) and takes no new records', { field, reason: 'ARCHIVED' });
  return community;
}

/** Recounts and stores the community's households and residents (see above). */
export async function recountCommunity(ctx: Context, communityId: string): Promise<CommunityDoc> {
  const { Community, Grid, Household, Resident } = ctx.models;
  return withLock(Community.db, `communities:${communityId}:counts`, async () => {
    const grids = ((await Grid.find({ communityId }).lean()) as GridDoc[]).filter((g) => (g.level ?? 'GRID') === 'GRID');
    const [householdCount, ...perGrid] = await Promise.all([countMatching(Household, { communityId }), ...grids.map((g) => countMatching(Resident, { gridId: g._id }))]);
    const population = perGrid.reduce((sum, n) => sum + n, 0);
    const updated = (await Community.findOneAndUpdate({ _id: communityId }, { $set: { householdCount, population } }, { returnDocument: 'after' }).lean()) as CommunityDoc | null;
    if (!updated) throw notFound('Community', communityId, 'id');
    return updated;
  });
}

export async function createCommunity(ctx: Context, input: CreateCommunityInput): Promise<CommunityDoc> {
  const name = requireNonBlank(input.name, 'name', 60);
  const district = requireNonBlank(input.district, 'district', 60);
  requireCommunityScope(ctx.identity, null, 'input');
  const doc = { name, district, settlementType: input.settlementType, householdCount: 0, population: 0 };
  return withLock(ctx.models.Community.db, `communities:name:${name}`, async () => {
    const same = (await ctx.models.Community.find({ name }).lean()) as CommunityDoc[];
    if (same.some((c) => !c.archivedAt)) throw conflict(`a community named ${name} is already registered`, { field: 'name' });
    return (
      await createOnce<CommunityDoc>(ctx.models.Community, doc, {
        idempotencyKey: input.idempotencyKey,
        caller: caller(ctx),
        input: { name, district, settlementType: input.settlementType },
      })
    ).doc;
  });
}

/** The community a change is about: in the caller's communities, not archived. */
async function communityToChange(ctx: Context, id: string): Promise<CommunityDoc> {
  const communityId = assertId(id, 'id');
  requireCommunityScope(ctx.identity, communityId, 'id');
  return requireLiveCommunity(ctx, communityId, 'id');
}

export async function updateCommunity(ctx: Context, id: string, input: UpdateCommunityInput): Promise<CommunityDoc> {
  const set = Object.fromEntries(
    Object.entries({
      name: input.name == null ? undefined : requireNonBlank(input.name, 'name', 60),
      district: input.district == null ? undefined : requireNonBlank(input.district, 'district', 60),
      settlementType: input.settlementType ?? undefined,
    }).filter(([, v]) => v !== undefined),
  );
  if (Object.keys(set).length === 0) throw badInput('nothing to change', { field: 'input' });
  const community = await communityToChange(ctx, id);
  return (await ctx.models.Community.findOneAndUpdate({ _id: community._id }, { $set: set }, { returnDocument: 'after' }).lean()) as CommunityDoc;
}

export async function archiveCommunity(ctx: Context, id: string, reason: string): Promise<CommunityDoc> {
  const text = requireNonBlank(reason, 'reason', 200);
  const community = await communityToChange(ctx, id);
  const updated = await updateIf<CommunityDoc>(
    ctx.models.Community,
    community._id,
    { archivedAt: null },
    { $set: { archivedAt: new Date().toISOString(), archivedBy: actor(ctx), archiveReason: text } },
  );
  if (!updated) throw conflict('already archived (已归档)', { field: 'id', reason: 'ARCHIVED' });
  return updated;
}
