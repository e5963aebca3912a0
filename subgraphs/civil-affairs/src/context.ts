import type { DepartmentContext } from '@cg/kit';
import type { Loaders } from './loaders';
import type { Models } from './models';

export type Context = DepartmentContext<Models, Loaders>;

/** Who wrote a record (the gateway-established subject), recorded where it matters; null while anonymous. */
export const actor = (ctx: Context): string | null => ctx.identity?.subject ?? null;
/** The scope of idempotency keys: one caller's key never collides with another's. */
export const caller = (ctx: Context): string => ctx.identity?.subject ?? 'anonymous';
