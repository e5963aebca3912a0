import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { DualRegistrationDoc } from '../models/DualRegistration';

export const DualRegistration = {
  ...entityResolvers((ctx: Context) => ctx.loaders.dualRegistration),
  member: (r: DualRegistrationDoc, _: unknown, { loaders }: Context) => loaders.member.load(r.memberId),
  community: (r: DualRegistrationDoc) => reference(r.communityId),
};
