import { notFound } from '@cg/kit';
import type { Context } from './context';
import type { BuildingDoc } from './models/Building';
import type { EstateDoc } from './models/Estate';
import type { PropertyCompanyDoc } from './models/PropertyCompany';
import type { UnitDoc } from './models/Unit';

/** This department's own records a mutation refers to, read through the request's loaders (NOT_FOUND when absent). */
export async function requireEstate(ctx: Context, id: string, field = 'estateId'): Promise<EstateDoc> {
  const estate = await ctx.loaders.estate.load(id);
  if (!estate) throw notFound('Estate', id, field);
  return estate;
}

export async function requireCompany(ctx: Context, id: string, field = 'propertyCompanyId'): Promise<PropertyCompanyDoc> {
  const company = await ctx.loaders.propertyCompany.load(id);
  if (!company) throw notFound('PropertyCompany', id, field);
  return company;
}

export async function requireBuilding(ctx: Context, id: string, field = 'buildingId'): Promise<BuildingDoc> {
  const building = await ctx.loaders.building.load(id);
  if (!building) throw notFound('Building', id, field);
  return building;
}

export async function requireUnit(ctx: Context, id: string, field = 'unitId'): Promise<UnitDoc> {
  const unit = await ctx.loaders.unit.load(id);
  if (!unit) throw notFound('Unit', id, field);
  return unit;
}
