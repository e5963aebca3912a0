import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServiceActivityDoc } from '../models/ServiceActivity';

export const ServiceActivity = {
  ...entityResolvers((ctx: Context) => ctx.loaders.serviceActivity),
  member: (a: ServiceActivityDoc, _: unknown, { loaders }: Context) => loaders.member.load(a.memberId),
  household: (a: ServiceActivityDoc) => reference(a.householdId),
};
