/**
 * The 1+3+N roster (联动单位) as master data. The community ("1") appears once per community; the "N" grows as water,
 * power, gas, heating companies and schools join. Archiving keeps a unit on its cases' records and stops new work
 * (jointCase/tasks.ts refuses archived units).
 */
import { assertId, badInput, conflict, isDuplicateKey, notFound, requireCommunityScope, requireNonBlank, updateIf, withLock } from '@cg/kit';
import type { Context } from '../context';
import type { CreateResponseUnitInput, UpdateResponseUnitInput } from '../generated/resolvers-types';
import type { ResponseUnitDoc } from '../models/ResponseUnit';
import { CATEGORIES } from '../jointCase/timeLimits';
import { insertOnce } from './common';

const DEPARTMENT = /^[a-z][a-z0-9-]*(:[a-z0-9-]+)?$/;

function requireCategories(categories: readonly string[]): string[] {
  const distinct = [...new Set(categories)];
  if (distinct.length === 0 || distinct.length > CATEGORIES.length) throw badInput(`categories must name 1 to ${CATEGORIES.length} categories`, { field: 'categories' });
  if (distinct.length !== categories.length) throw badInput('categories names one twice', { field: 'categories' });
  return distinct;
}

export const archiveInfo = (u: ResponseUnitDoc) => (u.archivedAt ? { at: u.archivedAt, by: u.archivedBy ?? null, reason: u.archiveReason ?? null } : null);

export async function createResponseUnit(ctx: Context, input: CreateResponseUnitInput): Promise<ResponseUnitDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const department = requireNonBlank(input.department, 'department', 100);
  if (!DEPARTMENT.test(department)) throw badInput('department must be lower case, e.g. joint-unit:water', { field: 'department' });
  const communityId = assertId(input.communityId, 'communityId');
  const categories = requireCategories(input.categories);
  const companyId = input.propertyCompanyId == null ? undefined : assertId(input.propertyCompanyId, 'propertyCompanyId');
  if ((input.kind === 'PROPERTY') !== Boolean(companyId)) throw badInput('a PROPERTY unit, and only one, names its propertyCompanyId', { field: 'propertyCompanyId' });
  requireCommunityScope(ctx.identity, communityId, 'communityId');
  const [community] = await ctx.peers.entities('civil-affairs', 'Community', [communityId], 'id archived { at }');
  if (!community) throw notFound('Community', communityId, 'communityId');
  if (community.archived) throw conflict('the community is archived (已归档)', { field: 'communityId', reason: 'ARCHIVED' });
  if (companyId) {
    const [company] = await ctx.peers.entities('property', 'PropertyCompany', [companyId], 'id archived { at }');
    if (!company) throw notFound('PropertyCompany', companyId, 'propertyCompanyId');
    if (company.archived) throw conflict('the company is archived (已归档)', { field: 'propertyCompanyId', reason: 'ARCHIVED' });
  }
  const doc = { name, kind: input.kind, department, communityId, categories, propertyCompanyId: companyId };
  // One community unit per community: checked under a lease on the community's roster.
  return withLock(ctx.models.ResponseUnit.db, `response_units:community:${communityId}`, async () => {
    if (input.kind === 'COMMUNITY') {
      const roster = (await ctx.models.ResponseUnit.find({ communityId, kind: 'COMMUNITY' }).lean()) as unknown as ResponseUnitDoc[];
      if (roster.some((u) => !u.archivedAt)) throw conflict('the community is already on its roster', { field: 'kind' });
    }
    try {
      return await insertOnce<ResponseUnitDoc>(ctx, ctx.models.ResponseUnit, doc, input.idempotencyKey);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(`department ${department} already acts for a unit`, { field: 'department' });
      throw error;
    }
  });
}

async function unitToChange(ctx: Context, id: string): Promise<ResponseUnitDoc> {
  const unitId = assertId(id, 'id');
  const unit = await ctx.loaders.responseUnit.load(unitId);
  if (!unit) throw notFound('ResponseUnit', unitId, 'id');
  requireCommunityScope(ctx.identity, unit.communityId, 'id');
  if (unit.archivedAt) throw conflict('the unit is archived (已归档)', { field: 'id', reason: 'ARCHIVED' });
  return unit;
}

export async function updateResponseUnit(ctx: Context, id: string, input: UpdateResponseUnitInput): Promise<ResponseUnitDoc> {
  const set: Record<string, unknown> = {};
  if (input.name != null) set.name = requireNonBlank(input.name, 'name', 100);
  if (input.categories != null) set.categories = requireCategories(input.categories);
  if (Object.keys(set).length === 0) throw badInput('nothing to change', { field: 'input' });
  const unit = await unitToChange(ctx, id);
  return (await ctx.models.ResponseUnit.findOneAndUpdate({ _id: unit._id }, { $set: set }, { returnDocument: 'after' }).lean()) as unknown as ResponseUnitDoc;
}

export async function archiveResponseUnit(ctx: Context, id: string, reason: string): Promise<ResponseUnitDoc> {
  const text = requireNonBlank(reason, 'reason', 200);
  const unit = await unitToChange(ctx, id);
  const archived = await updateIf<ResponseUnitDoc>(
    ctx.models.ResponseUnit,
    unit._id,
    { archivedAt: null },
    { $set: { archivedAt: new Date().toISOString(), archivedBy: ctx.identity?.subject ?? null, archiveReason: text } },
  );
  if (!archived) throw conflict('already archived (已归档)', { field: 'id', reason: 'ARCHIVED' });
  return archived;
}
