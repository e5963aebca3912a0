import { actor, assertId, createOnce, requireDate, requireNonBlank, requireOrder, requirePhone } from '@cg/kit';
import type { Context } from './context';
import type { CreateCrossAppointmentInput } from './generated/resolvers-types';
import type { CrossAppointmentDoc } from './models/CrossAppointment';
import { requireCompany } from './references';

/** 交叉任职 (红色物业): the company is ours; the community (and the resident, when given) are asked of civil affairs. */
export async function createCrossAppointment(ctx: Context, input: CreateCrossAppointmentInput): Promise<CrossAppointmentDoc> {
  const personName = requireNonBlank(input.personName, 'personName', 50);
  const phone = requirePhone(input.phone, 'phone');
  const residentId = input.residentId == null ? undefined : assertId(input.residentId, 'residentId');
  const communityId = assertId(input.communityId, 'communityId');
  const propertyCompanyId = assertId(input.propertyCompanyId, 'propertyCompanyId');
  const communityPost = requireNonBlank(input.communityPost, 'communityPost', 50);
  const companyPost = requireNonBlank(input.companyPost, 'companyPost', 50);
  const startOn = requireDate(input.startOn, 'startOn');
  const endOn = input.endOn == null ? undefined : requireDate(input.endOn, 'endOn');
  if (endOn) requireOrder(startOn, endOn, ['startOn', 'endOn']);
  await requireCompany(ctx, propertyCompanyId);
  await ctx.peers.requireEntities('civil-affairs', 'Community', [communityId], 'communityId');
  if (residentId) await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
  const doc = { personName, phone, residentId, direction: input.direction, communityId, communityPost, propertyCompanyId, companyPost, startOn, endOn };
  const { doc: created } = await createOnce<CrossAppointmentDoc>(
    ctx.models.CrossAppointment,
    { ...doc, createdBy: actor(ctx) },
    { idempotencyKey: input.idempotencyKey, caller: ctx.identity?.subject, input: doc },
  );
  return created;
}
