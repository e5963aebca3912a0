import { actor, conflict, ErrorCode, isDuplicateKey, requireCommunityScope, requireNonBlank, typedError, updateIf, type AnyModel } from '@cg/kit';
import type { Context } from '../context';

/** What archiving stores on a record (models/archive.ts). */
export interface Archivable {
  _id: string;
  archivedAt?: string | null;
  archivedBy?: string | null;
  archiveReason?: string | null;
}

/** The record as the `archived` field shows it: null while in use. */
export const archiveInfo = (doc: Archivable) => (doc.archivedAt ? { at: doc.archivedAt, by: doc.archivedBy ?? null, reason: doc.archiveReason ?? null } : null);

/** An archived parent takes no new children: CONFLICT naming the input that pointed at it. */
export function requireInUse(doc: Archivable, what: string, field: string): void {
  if (doc.archivedAt) throw conflict(`the ${what} is archived (已归档) and takes no changes or new records`, { field, reason: 'ARCHIVED' });
}

/** The kit's community rule for master data, for this request's caller. */
export const requireCommunityInScope = (ctx: Context, communityId: string, field: string) => requireCommunityScope(ctx.identity, communityId, field);

/** Unique-index violations become CONFLICT naming the field. */
export async function uniquely<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`${field} is already taken`, { field });
    throw error;
  }
}

/** Archives `id` once: a conditional update under the record's lease (kit updateIf); a second archive is CONFLICT. */
export async function archiveRecord<T>(ctx: Context, model: AnyModel, id: string, reason: string): Promise<T> {
  const text = requireNonBlank(reason, 'reason', 200);
  const updated = await updateIf<T>(model, id, { archivedAt: null }, { $set: { archivedAt: new Date().toISOString(), archivedBy: actor(ctx), archiveReason: text } });
  if (!updated) throw conflict('already archived (已归档)', { field: 'id', reason: 'ARCHIVED' });
  return updated;
}

/** `$set` of the given changes; BAD_USER_INPUT when there are none. */
export function changes(set: Record<string, unknown>): Record<string, unknown> {
  const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length === 0) throw typedError(ErrorCode.BAD_USER_INPUT, 'nothing to change', { field: 'input' });
  return defined;
}
