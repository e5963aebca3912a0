import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';

export const Community = {
  ...extendedEntity,
  estates: (community: { id: string }, _: unknown, { loaders }: Context) => loaders.estatesByCommunity.load(community.id),
};
