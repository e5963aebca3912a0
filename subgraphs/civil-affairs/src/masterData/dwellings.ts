import { assertId, conflict, notFound } from '@cg/kit';
import type { Context } from '../context';

/** The dwelling a household moves into, asked of property: NOT_FOUND when unknown, CONFLICT when archived (已归档). */
export async function requireLiveUnit(ctx: Context, id: unknown): Promise<string> {
  const unitId = assertId(id, 'unitId');
  const [unit] = await ctx.peers.entities('property', 'Unit', [unitId], 'id archived { at }');
  if (!unit) throw notFound('Unit', unitId, 'unitId');
  if (unit.archived) throw conflict('the dwelling is archived (已归档) and takes no households', { field: 'unitId', reason: 'ARCHIVED' });
  return unitId;
}
