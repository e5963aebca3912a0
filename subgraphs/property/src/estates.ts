import { actor, assertId, badInput, conflict, ErrorCode, notFound, optionalText, requireDate, typedError, withLock } from '@cg/kit';
import type { Context } from './context';
import type { AssignFallbackProviderInput, EndEstateManagementInput } from './generated/resolvers-types';
import type { EstateDoc, ManagementEvent } from './models/Estate';
import type { PropertyCompanyDoc } from './models/PropertyCompany';
import { requireInUse } from './masterData/common';

async function loadEstate(ctx: Context, estateId: string): Promise<EstateDoc> {
  const estate = (await ctx.models.Estate.findById(estateId).lean()) as EstateDoc | null;
  if (!estate) throw notFound('Estate', estateId, 'estateId');
  return estate;
}

/** A change must not predate the estate's last recorded change (the history stays in date order). */
function requireAfterLastChange(estate: EstateDoc, effectiveOn: string) {
  const last = estate.managementHistory?.at(-1)?.effectiveOn ?? estate.managedSince;
  if (last && effectiveOn < last) throw badInput(`effectiveOn must not be before the estate's last management change (${last})`, { field: 'effectiveOn' });
}

/**
 * 兜底接管: an unmanaged estate goes to a fallback provider. One conditional update (only while the estate still
 * has no company) sets the company and appends the history entry, so two takeovers at once cannot both win.
 */
export async function assignFallbackProvider(ctx: Context, input: AssignFallbackProviderInput): Promise<EstateDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const companyId = input.propertyCompanyId == null ? null : assertId(input.propertyCompanyId, 'propertyCompanyId');
  const effectiveOn = requireDate(input.effectiveOn, 'effectiveOn');
  const note = optionalText(input.note, 'note');
  const company = (
    companyId ? await ctx.models.PropertyCompany.findById(companyId).lean() : await ctx.models.PropertyCompany.findOne({ isFallbackProvider: true }).sort({ name: 1 }).lean()
  ) as PropertyCompanyDoc | null;
  if (!company) {
    if (companyId) throw notFound('PropertyCompany', companyId, 'propertyCompanyId');
    throw typedError(ErrorCode.NOT_FOUND, 'no fallback provider (兜底物业) is registered', { field: 'propertyCompanyId' });
  }
  if (!company.isFallbackProvider) throw badInput(`${company.name} is not a fallback provider (兜底物业)`, { field: 'propertyCompanyId' });
  requireInUse(company, 'company', 'propertyCompanyId');
  // One estate's management changes hold a lease on the estate (kit withLock), so they hold on FerretDB v1 too.
  return withLock(ctx.models.Estate.db, `estates:${estateId}`, async () => {
    const estate = await loadEstate(ctx, estateId);
    requireInUse(estate, 'estate', 'estateId');
    if (estate.propertyCompanyId) throw conflict('the estate already has a property company', { field: 'estateId', propertyCompanyId: estate.propertyCompanyId });
    requireAfterLastChange(estate, effectiveOn);
    const event: ManagementEvent = {
      action: 'FALLBACK_TAKEOVER',
      propertyCompanyId: company._id,
      effectiveOn,
      note,
      recordedBy: actor(ctx),
      recordedAt: new Date().toISOString(),
    };
    const updated = await ctx.models.Estate.findOneAndUpdate(
      { _id: estateId, propertyCompanyId: null },
      { $set: { propertyCompanyId: company._id, managedSince: effectiveOn }, $push: { managementHistory: event } },
      { returnDocument: 'after' },
    ).lean();
    if (!updated) throw conflict('the estate was taken over meanwhile', { field: 'estateId' });
    return updated as EstateDoc;
  });
}

/** 物业撤场: the managing company leaves; conditional on it still being the one managing. */
export async function endEstateManagement(ctx: Context, input: EndEstateManagementInput): Promise<EstateDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const effectiveOn = requireDate(input.effectiveOn, 'effectiveOn');
  const note = optionalText(input.note, 'note');
  // One estate's management changes hold a lease on the estate (kit withLock), so they hold on FerretDB v1 too.
  return withLock(ctx.models.Estate.db, `estates:${estateId}`, async () => {
    const estate = await loadEstate(ctx, estateId);
    if (!estate.propertyCompanyId) throw conflict('the estate has no property company', { field: 'estateId' });
    requireAfterLastChange(estate, effectiveOn);
    const event: ManagementEvent = {
      action: 'ENDED',
      propertyCompanyId: estate.propertyCompanyId,
      effectiveOn,
      note,
      recordedBy: actor(ctx),
      recordedAt: new Date().toISOString(),
    };
    const updated = await ctx.models.Estate.findOneAndUpdate(
      { _id: estateId, propertyCompanyId: estate.propertyCompanyId },
      { $unset: { propertyCompanyId: 1, managedSince: 1 }, $push: { managementHistory: event } },
      { returnDocument: 'after' },
    ).lean();
    if (!updated) throw conflict('the estate changed hands meanwhile', { field: 'estateId' });
    return updated as EstateDoc;
  });
}
