import { notFound } from '@cg/kit';
import type { Context } from './context';
import type { BuildingDoc } from './models/Building';
import type { EstateDoc } from './models/Estate';
import type { PropertyCompanyDoc } from './models/PropertyCompany';
import type { UnitDoc } from './models/Unit';

/** NOT_FOUND naming the input field that referenced the missing record. */
export function missing(what: string, id: string, field: string) {
  const error = notFound(what, id);
  Object.assign(error.extensions, { field });
  return error;
}

/** This department's own records a mutation refers to, read through the request's loaders (NOT_FOUND when absent). */
export async function requireEstate(ctx: Context, id: string, field = 'estateId'): Promise<EstateDoc> {
  const estate = await ctx.loaders.estate.load(id);
  if (!estate) throw missing('Estate', id, field);
  return estate;
}

export async function requireCompany(ctx: Context, id: string, field = 'propertyCompanyId'): Promise<PropertyCompanyDoc> {
  const company = await ctx.loaders.propertyCompany.load(id);
  if (!company) throw missing('PropertyCompany', id, field);
  return company;
}

export async function requireBuilding(ctx: Context, id: string, field = 'buildingId'): Promise<BuildingDoc> {
  const building = await ctx.loaders.building.load(id);
  if (!building) throw missing('Building', id, field);
  return building;
}

export async function requireUnit(ctx: Context, id: string, field = 'unitId'): Promise<UnitDoc> {
  const unit = await ctx.loaders.unit.load(id);
  if (!unit) throw missing('Unit', id, field);
  return unit;
}
