import { badInput, createOnce } from '@cg/kit';
import type { Context } from '../context';

/** Enum check for inputs that reach us without GraphQL's own enum validation (e.g. called from other code). */
export function requireEnum<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw badInput(`${field} must be one of ${allowed.join(', ')}`, { field });
  return value as T;
}

export const actorOf = (ctx: Context) => ctx.identity?.subject ?? undefined;

/** `createOnce` with the caller's identity as the idempotency scope and the validated input as the fingerprint. */
export async function insertOnce<T extends { _id: string }>(
  ctx: Context,
  model: Parameters<typeof createOnce>[0],
  doc: Record<string, unknown>,
  idempotencyKey: string | null | undefined,
): Promise<T> {
  const { doc: saved } = await createOnce<T>(model, { ...doc, createdBy: actorOf(ctx) }, { idempotencyKey, caller: actorOf(ctx), input: doc });
  return saved;
}
