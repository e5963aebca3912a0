import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PointEntryDoc } from '../models/PointEntry';

export const PointEntry = {
  ...entityResolvers((ctx: Context) => ctx.loaders.pointEntry),
  member: (entry: PointEntryDoc, _: unknown, { loaders }: Context) => loaders.member.load(entry.memberId),
  createdAt: (entry: PointEntryDoc) => new Date(entry.createdAt!).toISOString(),
};
