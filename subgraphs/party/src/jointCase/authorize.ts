import { ErrorCode, typedError, type Identity } from '@cg/kit';
import type { Step } from './lifecycle';
import type { JointCaseDoc } from '../models/JointCase';

/**
 * Who may take which step of a case, on top of the SDL rule each step's mutation carries (checked by the kit before
 * the resolver runs): which of the allowed callers leads, helps, reports or supervises this case. An anonymous
 * caller never gets here through the gateway; if one did, it is UNAUTHENTICATED. No setting turns this off.
 */
export const COMMUNITY_ROLES = ['PARTY_SECRETARY', 'GRID_WORKER', 'COMMUNITY_STAFF'] as const;

type Actor = 'COMMUNITY' | 'SECRETARY' | 'UNIT' | 'LEAD' | 'REPORTER';

/** Each step names the actors allowed to take it (any one suffices). */
const STEP_ACTORS: Record<Step | 'SUBMIT', readonly Actor[]> = {
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
export function authorizeStep(step: Step | 'SUBMIT', identity: Identity | null, c: CaseView, unitDepartment?: string): void {
  if (!identity) throw typedError(ErrorCode.UNAUTHENTICATED, 'sign in to work on a case');
  const actors = STEP_ACTORS[step];
  if (!actors.some((actor) => acts(actor, identity, c, unitDepartment))) {
    throw typedError(ErrorCode.FORBIDDEN, `${identity.role} of ${identity.department} may not ${step} this case`, { step, allowed: actors });
  }
}
