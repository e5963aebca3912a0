import { ErrorCode, typedError, type Identity } from '@cg/kit';
import type { Step } from './jointCaseLifecycle';
import type { JointCaseDoc } from './models/JointCase';

/**
 * Who may take which step of a case: the ONE place that decides, so the security work can make identity mandatory
 * here. Today the gateway forwards no identity; an anonymous caller (null) is let through unless
 * `CG_REQUIRE_IDENTITY=1`, which turns that into UNAUTHENTICATED.
 */
export const COMMUNITY_ROLES = ['PARTY_SECRETARY', 'GRID_WORKER', 'COMMUNITY_STAFF'] as const;

type Actor = 'COMMUNITY' | 'SECRETARY' | 'UNIT' | 'LEAD' | 'REPORTER';

/** Each step names the actors allowed to take it (any one suffices). */
export const STEP_ACTORS: Record<Step | 'SUBMIT', readonly Actor[]> = {
  SUBMIT: ['REPORTER', 'COMMUNITY'],
  DISPATCH: ['COMMUNITY'],
  TRANSFER: ['COMMUNITY'],
  VERIFY: ['COMMUNITY'],
  SEND_BACK: ['COMMUNITY'],
  CLOSE: ['COMMUNITY'],
  MARK_DUPLICATE: ['COMMUNITY'],
  WHISTLE: ['COMMUNITY'],
  RATE_REPORT: ['COMMUNITY'],
  APPROVE_DEFERRAL: ['SECRETARY'],
  REJECT_DEFERRAL: ['SECRETARY'],
  INQUIRE: ['SECRETARY'],
  ACCEPT_LEAD: ['UNIT'],
  ACCEPT_HELPER: ['UNIT'],
  RESOLVE_TASK: ['UNIT'],
  REPORT: ['UNIT'],
  RETURN: ['LEAD'],
  START: ['LEAD'],
  REQUEST_DEFERRAL: ['LEAD'],
  RESOLVE: ['LEAD', 'COMMUNITY'],
  RESUME: ['LEAD', 'COMMUNITY'],
  RATE: ['REPORTER'],
  RATE_POOR: ['REPORTER'],
};

type CaseView = Pick<JointCaseDoc, 'reporterId' | 'communityId' | 'gridId' | 'tasks'>;

const inScope = (identity: Identity, c: Pick<CaseView, 'communityId' | 'gridId'>) =>
  (identity.scope.communityIds.length === 0 || identity.scope.communityIds.includes(c.communityId)) &&
  (identity.scope.gridIds.length === 0 || identity.scope.gridIds.includes(c.gridId));

function acts(actor: Actor, identity: Identity, c: CaseView, unitDepartment?: string): boolean {
  switch (actor) {
    case 'COMMUNITY':
      return (COMMUNITY_ROLES as readonly string[]).includes(identity.role) && inScope(identity, c);
    case 'SECRETARY':
      return identity.role === 'PARTY_SECRETARY' && inScope(identity, c);
    case 'UNIT':
      return unitDepartment !== undefined && identity.department === unitDepartment && identity.role !== 'RESIDENT';
    case 'LEAD': {
      const lead = c.tasks.find((t) => t.role === 'LEAD' && t.status !== 'WITHDRAWN');
      return !!lead && identity.department === lead.department && identity.role !== 'RESIDENT';
    }
    case 'REPORTER':
      return identity.role === 'RESIDENT' && identity.subject === c.reporterId;
  }
}

/**
 * Throws FORBIDDEN unless `identity` may take `step` on the case. `unitDepartment` is the department of the unit
 * the step names (accepting, resolving, reporting), when it names one.
 */
export function authorizeStep(step: Step | 'SUBMIT', identity: Identity | null, c: CaseView, unitDepartment?: string, env = process.env): void {
  if (!identity) {
    if (env.CG_REQUIRE_IDENTITY === '1') throw typedError(ErrorCode.UNAUTHENTICATED, 'sign in to work on a case');
    return;
  }
  const actors = STEP_ACTORS[step];
  if (!actors.some((actor) => acts(actor, identity, c, unitDepartment))) {
    throw typedError(ErrorCode.FORBIDDEN, `${identity.role} of ${identity.department} may not ${step} this case`, { step, allowed: actors });
  }
}
