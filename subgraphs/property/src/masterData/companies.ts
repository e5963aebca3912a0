/** 物业公司 master data: register, change, archive. */
import { actor, assertId, conflict, createOnce, requireNonBlank, withLock } from '@cg/kit';
import type { Context } from '../context';
import type { CreatePropertyCompanyInput, UpdatePropertyCompanyInput } from '../generated/resolvers-types';
import type { PropertyCompanyDoc } from '../models/PropertyCompany';
import { requireCompany } from '../references';
import { archiveRecord, changes, requireInUse } from './common';

/** A name is unique among companies in use; checked under a lease on the name so two registrations cannot both pass. */
async function withFreeName<T>(ctx: Context, name: string, exceptId: string | null, write: () => Promise<T>): Promise<T> {
  return withLock(ctx.models.PropertyCompany.db, `property_companies:name:${name}`, async () => {
    const same = (await ctx.models.PropertyCompany.find({ name }).lean()) as PropertyCompanyDoc[];
    if (same.some((c) => !c.archivedAt && c._id !== exceptId)) throw conflict(`a company named ${name} is already registered`, { field: 'name' });
    return write();
  });
}

export async function createPropertyCompany(ctx: Context, input: CreatePropertyCompanyInput): Promise<PropertyCompanyDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const doc = { name, isFallbackProvider: input.isFallbackProvider ?? false };
  return withFreeName(ctx, name, null, async () => {
    const { doc: created } = await createOnce<PropertyCompanyDoc>(ctx.models.PropertyCompany, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc });
    return created;
  });
}

export async function updatePropertyCompany(ctx: Context, id: string, input: UpdatePropertyCompanyInput): Promise<PropertyCompanyDoc> {
  const companyId = assertId(id, 'id');
  const name = input.name == null ? undefined : requireNonBlank(input.name, 'name', 100);
  const set = changes({ name, isFallbackProvider: input.isFallbackProvider ?? undefined });
  requireInUse(await requireCompany(ctx, companyId, 'id'), 'company', 'id');
  const write = async () => (await ctx.models.PropertyCompany.findOneAndUpdate({ _id: companyId }, { $set: set }, { returnDocument: 'after' }).lean()) as PropertyCompanyDoc;
  return name ? withFreeName(ctx, name, companyId, write) : write();
}

/** A company that still manages an estate cannot go: the estate's management must end (物业撤场) first. */
export async function archivePropertyCompany(ctx: Context, id: string, reason: string): Promise<PropertyCompanyDoc> {
  const companyId = assertId(id, 'id');
  await requireCompany(ctx, companyId, 'id');
  const managed = await ctx.models.Estate.countDocuments({ propertyCompanyId: companyId });
  if (managed > 0) throw conflict(`the company still manages ${managed} estate(s); end that management first`, { field: 'id' });
  return archiveRecord<PropertyCompanyDoc>(ctx, ctx.models.PropertyCompany, companyId, reason);
}
