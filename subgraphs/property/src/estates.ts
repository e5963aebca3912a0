import { actor, assertId, badInput, conflict, ErrorCode, notFound, optionalText, requireDate, typedError, withLock } from '@cg/kit';
import type { UpdateQuery } from 'mongoose';
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
 * Appends a management change to the estate's history with its new company, in one update conditional on the
 * company it had when read (`from`), under a lease on the estate (kit withLock), so it holds on FerretDB v1 too:
 * of two changes at once, one wins and the other is a CONFLICT naming `lost`.
 */
async function changeManagement(
  ctx: Context,
  estateId: string,
  change: Pick<ManagementEvent, 'action' | 'effectiveOn' | 'note'> & { lost: string },
  check: (estate: EstateDoc) => { from: string | null; to: string; update: UpdateQuery<EstateDoc> },
): Promise<EstateDoc> {
  return withLock(ctx.models.Estate.db, `estates:${estateId}`, async () => {
    const estate = await loadEstate(ctx, estateId);
    const { from, to, update } = check(estate);
    requireAfterLastChange(estate, change.effectiveOn);
    const { lost, action, effectiveOn, note } = change;
    const event: ManagementEvent = { action, propertyCompanyId: to, effectiveOn, note, recordedBy: actor(ctx), recordedAt: new Date().toISOString() };
    const updated = await ctx.models.Estate.findOneAndUpdate(
      { _id: estateId, propertyCompanyId: from },
      { ...update, $push: { managementHistory: event } },
      { returnDocument: 'after' },
    ).lean();
    if (!updated) throw conflict(lost, { field: 'estateId' });
    return updated as EstateDoc;
  });
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
  return changeManagement(ctx, estateId, { action: 'FALLBACK_TAKEOVER', effectiveOn, note, lost: 'the estate was taken over meanwhile' }, (estate) => {
    requireInUse(estate, 'estate', 'estateId');
    if (estate.propertyCompanyId) throw conflict('the estate already has a property company', { field: 'estateId', propertyCompanyId: estate.propertyCompanyId });
    return { from: null, to: company._id, update: { $set: { propertyCompanyId: company._id, managedSince: effectiveOn } } };
  });
}

/** 物业撤场: the managing company leaves; conditional on it still being the one managing. */
export async function endEstateManagement(ctx: Context, input: EndEstateManagementInput): Promise<EstateDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const effectiveOn = requireDate(input.effectiveOn, 'effectiveOn');
  const note = optionalText(input.note, 'note');
  return changeManagement(ctx, estateId, { action: 'ENDED', effectiveOn, note, lost: 'the estate changed hands meanwhile' }, (estate) => {
    if (!estate.propertyCompanyId) throw conflict('the estate has no property company', { field: 'estateId' });
    return { from: estate.propertyCompanyId, to: estate.propertyCompanyId, update: { $unset: { propertyCompanyId: 1, managedSince: 1 } } };
  });
}
