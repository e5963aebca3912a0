/**
 * 物业服务合同 and 兜底服务 (先服务后收费, 001/002): the fallback provider serves an estate before anyone signs; what it
 * delivered is recorded uncharged, and signing a contract with that provider charges all of it at once. Both run
 * under the estate's management lease (the one fallback takeovers take), so no service slips in beside a signing.
 */
import {
  actor,
  assertId,
  badInput,
  conflict,
  createOnce,
  idempotentId,
  optionalText,
  requireDate,
  requireNonBlank,
  requireOrder,
  requirePastDate,
  requireRange,
  todayInChina,
  trusted,
  withLock,
} from '@cg/kit';
import type { Context } from '../context';
import type { RecordFallbackServiceInput, SignPropertyServiceContractInput } from '../generated/resolvers-types';
import type { EstateDoc, ManagementEvent } from '../models/Estate';
import type { FallbackServiceDoc } from '../models/FallbackService';
import type { PropertyServiceContractDoc } from '../models/PropertyServiceContract';
import { requireCommunityInScope, requireInUse } from '../masterData/common';
import { requireCompany, requireEstate } from '../references';

const MAX_FEN = 100_000_000;
/** An open-ended contract runs to this day, for overlap checks. */
const OPEN_END = '9999-12-31';

const covers = (c: Pick<PropertyServiceContractDoc, 'startOn' | 'endOn'>, day: string) => c.startOn <= day && day <= (c.endOn ?? OPEN_END);

/** The contract in force on `day` among an estate's contracts; null when none. */
export const contractOn = (contracts: PropertyServiceContractDoc[], day = todayInChina()) => contracts.find((c) => covers(c, day)) ?? null;

/** The estate's management lease (estates.ts takes the same one). */
const lease = <T>(ctx: Context, estateId: string, fn: () => Promise<T>) => withLock(ctx.models.Estate.db, `estates:${estateId}`, fn);

export async function recordFallbackService(ctx: Context, input: RecordFallbackServiceInput): Promise<FallbackServiceDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const serviceOn = requirePastDate(input.serviceOn, 'serviceOn');
  const description = requireNonBlank(input.description, 'description', 200);
  const amountFen = requireRange(input.amountFen, 'amountFen', 0, MAX_FEN);
  requireInUse(await requireEstate(ctx, estateId), 'estate', 'estateId');
  return lease(ctx, estateId, async () => {
    const estate = (await ctx.models.Estate.findById(estateId).lean()) as EstateDoc;
    const company = estate.propertyCompanyId ? await requireCompany(ctx, estate.propertyCompanyId) : null;
    if (!company?.isFallbackProvider) throw conflict('the estate is not served by a fallback provider (兜底物业)', { field: 'estateId' });
    if (estate.managedSince && serviceOn < estate.managedSince) throw badInput(`serviceOn is before the takeover (${estate.managedSince})`, { field: 'serviceOn' });
    const contracts = (await ctx.models.PropertyServiceContract.find({ estateId }).lean()) as PropertyServiceContractDoc[];
    if (contractOn(contracts, serviceOn)) throw conflict('a contract covers that day; its fee pays for the service', { field: 'serviceOn' });
    const doc = { estateId, propertyCompanyId: company._id, serviceOn, description, amountFen, charged: false, recordedBy: actor(ctx), recordedAt: new Date().toISOString() };
    const { doc: created } = await createOnce<FallbackServiceDoc>(ctx.models.FallbackService, doc, {
      idempotencyKey: input.idempotencyKey,
      caller: actor(ctx),
      input: { estateId, serviceOn, description, amountFen },
    });
    return created;
  });
}

/**
 * Signs: the contract (with the ids and total of the fallback service it charges), then those records marked
 * charged, then the estate contracted to the company. Were the process to stop between, the contract still lists
 * what it charges, and signing again with the same idempotencyKey completes the rest.
 */
export async function signPropertyServiceContract(ctx: Context, input: SignPropertyServiceContractInput): Promise<PropertyServiceContractDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const companyId = assertId(input.propertyCompanyId, 'propertyCompanyId');
  const signedOn = requirePastDate(input.signedOn, 'signedOn');
  const startOn = requireDate(input.startOn, 'startOn');
  const endOn = input.endOn == null ? undefined : requireDate(input.endOn, 'endOn');
  if (endOn) requireOrder(startOn, endOn, ['startOn', 'endOn']);
  const monthlyFeeFen = requireRange(input.monthlyFeeFen, 'monthlyFeeFen', 0, MAX_FEN);
  const note = optionalText(input.note, 'note', 500);
  const estate = await requireEstate(ctx, estateId);
  requireCommunityInScope(ctx, estate.communityId, 'estateId');
  requireInUse(estate, 'estate', 'estateId');
  requireInUse(await requireCompany(ctx, companyId), 'company', 'propertyCompanyId');
  const terms = { estateId, propertyCompanyId: companyId, signedOn, startOn, endOn, monthlyFeeFen, note };
  const options = { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: terms };
  return lease(ctx, estateId, async () => {
    const retried = input.idempotencyKey
      ? ((await ctx.models.PropertyServiceContract.findById(
          idempotentId(ctx.models.PropertyServiceContract, input.idempotencyKey, actor(ctx)),
        ).lean()) as PropertyServiceContractDoc | null)
      : null;
    const current = (await ctx.models.Estate.findById(estateId).lean()) as EstateDoc;
    let contract = retried;
    if (!contract) {
      if (current.propertyCompanyId && current.propertyCompanyId !== companyId)
        throw conflict('another company manages the estate; end its management first', { field: 'propertyCompanyId' });
      const last = current.managementHistory?.at(-1)?.effectiveOn;
      if (last && startOn < last) throw badInput(`startOn must not be before the estate's last management change (${last})`, { field: 'startOn' });
      const contracts = (await ctx.models.PropertyServiceContract.find({ estateId }).lean()) as PropertyServiceContractDoc[];
      if (contracts.some((c) => c.startOn <= (endOn ?? OPEN_END) && startOn <= (c.endOn ?? OPEN_END)))
        throw conflict('another contract covers part of that period', { field: 'startOn' });
      const uncharged = ((await ctx.models.FallbackService.find({ estateId, charged: false }).lean()) as FallbackServiceDoc[]).filter((s) => s.propertyCompanyId === companyId);
      const charges = { backChargeFen: uncharged.reduce((sum, s) => sum + s.amountFen, 0), chargedServiceIds: uncharged.map((s) => s._id) };
      contract = (
        await createOnce<PropertyServiceContractDoc>(
          ctx.models.PropertyServiceContract,
          { ...terms, ...charges, recordedBy: actor(ctx), recordedAt: new Date().toISOString() },
          options,
        )
      ).doc;
    } else {
      // The same key with other terms is CONFLICT (createOnce compares the terms it first saw).
      const { backChargeFen, chargedServiceIds, recordedAt } = contract;
      await createOnce(ctx.models.PropertyServiceContract, { ...terms, backChargeFen, chargedServiceIds, recordedAt }, options);
    }
    await ctx.models.FallbackService.updateMany(
      { _id: trusted({ $in: contract.chargedServiceIds }), charged: false },
      { $set: { charged: true, contractId: contract._id, chargedOn: signedOn } },
    );
    if (!current.managementHistory?.some((e) => e.action === 'CONTRACTED' && e.propertyCompanyId === companyId && e.effectiveOn === startOn)) {
      const event: ManagementEvent = {
        action: 'CONTRACTED',
        propertyCompanyId: companyId,
        effectiveOn: startOn,
        note: '签订物业服务合同',
        recordedBy: actor(ctx),
        recordedAt: new Date().toISOString(),
      };
      const set = current.propertyCompanyId ? {} : { propertyCompanyId: companyId, managedSince: startOn };
      await ctx.models.Estate.updateOne({ _id: estateId }, { $set: set, $push: { managementHistory: event } });
      ctx.loaders.estate.clear(estateId); // the answer shows the estate as it is now
    }
    return contract;
  });
}
