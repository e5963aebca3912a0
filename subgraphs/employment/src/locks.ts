import { withLock } from '@cg/kit';
import type { Context } from './context';

/**
 * Holds the lease on one record while its conditional update runs (see the kit's withLock: the test database does
 * not isolate read-then-write updates). Lock order, where two are taken: application → posting.
 */
export const locked = <T>(ctx: Context, kind: 'application' | 'posting' | 'course' | 'enrolment' | 'welfare-post' | 'fund', id: string, fn: () => Promise<T>) =>
  withLock(ctx.models.Employer.db, `${kind}:${id}`, fn);
