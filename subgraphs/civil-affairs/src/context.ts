import type { DepartmentContext } from '@cg/kit';
import type { Loaders } from './loaders';
import type { Models } from './models';

export type Context = DepartmentContext<Models, Loaders>;

/** The scope of idempotency keys: one caller's key never collides with another's. */
export const caller = (ctx: Context): string => ctx.identity?.subject ?? 'anonymous';
