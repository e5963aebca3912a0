import { badInput, notFound } from '@cg/kit';
import type { Models } from './models';
import { LEVELS, type Level, type PartyOrganizationDoc } from './models/PartyOrganization';

/**
 * The organisation tree. Each organisation keeps `ancestorIds` (top first), so "everything below X" is one indexed
 * query and "everything above X" is one by-id batch.
 */
const levelRank = (level: string) => LEVELS.indexOf(level as Level);

/** A child must sit strictly below its parent (党委 → 党支部 may skip 党总支); only the top level has no parent. */
export function checkPlacement(level: Level, parent: Pick<PartyOrganizationDoc, 'level'> | null): void {
  if (!parent) {
    if (level !== 'WORKING_COMMITTEE') throw badInput(`a ${level} needs a parent organisation`, { field: 'parentId' });
    return;
  }
  if (levelRank(level) <= levelRank(parent.level)) {
    throw badInput(`a ${level} cannot sit below a ${parent.level}`, { field: 'level' });
  }
}

/** The organisation and every one below it, as ids: one query. */
export async function subtreeIds(models: Models, organizationId: string): Promise<string[]> {
  const below = await models.PartyOrganization.find({ ancestorIds: organizationId }, { _id: 1 }).lean();
  return [organizationId, ...below.map((o) => String(o._id))];
}

export async function requireOrganization(models: Models, id: string, field: string): Promise<PartyOrganizationDoc> {
  const org = (await models.PartyOrganization.findById(id).lean()) as PartyOrganizationDoc | null;
  if (!org) throw notFound('PartyOrganization', id, field);
  return org;
}

/** Fills `ancestorIds` from `parentId` for a whole set of organisations (the seed's tree arrives without them). */
export function withAncestors<T extends { _id: string; parentId?: unknown; ancestorIds?: unknown }>(orgs: T[]): T[] {
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const memo = new Map<string, string[]>();
  const ancestors = (org: T, seen = new Set<string>()): string[] => {
    if (memo.has(org._id)) return memo.get(org._id)!;
    if (seen.has(org._id)) throw new Error(`party organisation ${org._id} is its own ancestor`);
    seen.add(org._id);
    const parent = typeof org.parentId === 'string' ? byId.get(org.parentId) : undefined;
    const path = parent ? [...ancestors(parent, seen), parent._id] : [];
    memo.set(org._id, path);
    return path;
  };
  for (const org of orgs) org.ancestorIds = ancestors(org);
  return orgs;
}
