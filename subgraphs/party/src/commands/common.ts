import { actor, createOnce } from '@cg/kit';
import type { Context } from '../context';

/** `createOnce` with the caller's identity as the idempotency scope and the validated input as the fingerprint. */
export async function insertOnce<T extends { _id: string }>(
  ctx: Context,
  model: Parameters<typeof createOnce>[0],
  doc: Record<string, unknown>,
  idempotencyKey: string | null | undefined,
): Promise<T> {
  const { doc: saved } = await createOnce<T>(model, { ...doc, createdBy: actor(ctx) }, { idempotencyKey, caller: actor(ctx) ?? undefined, input: doc });
  return saved;
}
