import { recordFallbackService, signPropertyServiceContract } from '../contracts/contracts';
import type { MutationResolvers } from '../generated/resolvers-types';
import { archivePropertyCompany, createPropertyCompany, updatePropertyCompany } from '../masterData/companies';
import { archiveBuilding, archiveEstate, archiveUnit, createBuilding, createEstate, createUnit, updateBuilding, updateEstate, updateUnit } from '../masterData/places';

/** Master data (基础数据) and service contracts (merged into Mutation in index.ts); the rules live in their folders. */
export const masterDataMutations = {
  createPropertyCompany: (_, { input }, ctx) => createPropertyCompany(ctx, input),
  updatePropertyCompany: (_, { id, input }, ctx) => updatePropertyCompany(ctx, id, input),
  archivePropertyCompany: (_, { id, reason }, ctx) => archivePropertyCompany(ctx, id, reason),
  createEstate: (_, { input }, ctx) => createEstate(ctx, input),
  updateEstate: (_, { id, input }, ctx) => updateEstate(ctx, id, input),
  archiveEstate: (_, { id, reason }, ctx) => archiveEstate(ctx, id, reason),
  createBuilding: (_, { input }, ctx) => createBuilding(ctx, input),
  updateBuilding: (_, { id, input }, ctx) => updateBuilding(ctx, id, input),
  archiveBuilding: (_, { id, reason }, ctx) => archiveBuilding(ctx, id, reason),
  createUnit: (_, { input }, ctx) => createUnit(ctx, input),
  updateUnit: (_, { id, input }, ctx) => updateUnit(ctx, id, input),
  archiveUnit: (_, { id, reason }, ctx) => archiveUnit(ctx, id, reason),
  recordFallbackService: (_, { input }, ctx) => recordFallbackService(ctx, input),
  signPropertyServiceContract: (_, { input }, ctx) => signPropertyServiceContract(ctx, input),
} satisfies MutationResolvers;
