import { fetchById, paginate } from '@cg/kit';
import type { Context } from '../context';
import { contractFilter, fallbackServiceFilter } from '../contracts/lists';
import type { QueryResolvers } from '../generated/resolvers-types';
import type { FallbackServiceDoc } from '../models/FallbackService';
import type { PropertyServiceContractDoc } from '../models/PropertyServiceContract';

/** Contracts and fallback service (merged into Query in index.ts), newest first, keyset pages. */
export const contractQueries = {
  propertyServiceContracts: (_, args, { models }) =>
    paginate<PropertyServiceContractDoc>(models.PropertyServiceContract, contractFilter(args.filter ?? {}), { startOn: -1, _id: -1 }, args),
  propertyServiceContract: fetchById((ctx: Context) => ctx.loaders.contract),
  fallbackServices: (_, args, { models }) => paginate<FallbackServiceDoc>(models.FallbackService, fallbackServiceFilter(args.filter ?? {}), { serviceOn: -1, _id: -1 }, args),
} satisfies QueryResolvers;
