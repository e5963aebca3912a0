import { ErrorCode, typedError, type Identity } from '@cg/kit';
import { GOVERNANCE_LEVELS, type GovernanceLevel } from '../models/Escalation';
import type { Models } from '../models';
import type { PartyOrganizationDoc } from '../models/PartyOrganization';

/**
 * Who acts at which level of the three-level link (三级联动), with the existing PARTY_SECRETARY role and the kit's
 * qualified departments (as `property:<company>` names one company): the community secretary is `party` scoped to
 * the community; the working committee's (党工委) is `party:<its organisation id>`; the county committee's (县委)
 * is `party:county`. A higher level may act wherever a lower one may.
 */
const COUNTY_DEPARTMENT = 'party:county';

export interface Place {
  communityId?: string | null;
  workingCommitteeId?: string | null;
}

function actsExactly(identity: Identity, level: GovernanceLevel, place: Place): boolean {
  if (identity.role !== 'PARTY_SECRETARY') return false;
  switch (level) {
    case 'COUNTY':
      return identity.department === COUNTY_DEPARTMENT;
    case 'WORKING_COMMITTEE':
      return !!place.workingCommitteeId && identity.department === `party:${place.workingCommitteeId}`;
    case 'COMMUNITY': {
      const communities = identity.scope.communityIds;
      return identity.department === 'party' && !!place.communityId && (communities.length === 0 || communities.includes(place.communityId));
    }
  }
}

const signedIn = (identity: Identity | null): Identity => {
  if (!identity) throw typedError(ErrorCode.UNAUTHENTICATED, 'sign in first');
  return identity;
};
const refuse = (identity: Identity, what: string) => typedError(ErrorCode.FORBIDDEN, `${identity.role} of ${identity.department} may not ${what}`, { reason: 'LEVEL' });

/** FORBIDDEN unless the caller is the secretary of exactly `level` for `place`. */
export function requireLevel(identity: Identity | null, level: GovernanceLevel, place: Place, what: string): void {
  const who = signedIn(identity);
  if (!actsExactly(who, level, place)) throw refuse(who, what);
}

/** FORBIDDEN unless the caller is the secretary of `level` for `place` or of a level above it. */
export function requireLevelOrAbove(identity: Identity | null, level: GovernanceLevel, place: Place, what: string): void {
  const who = signedIn(identity);
  if (!GOVERNANCE_LEVELS.slice(GOVERNANCE_LEVELS.indexOf(level)).some((l) => actsExactly(who, l, place))) throw refuse(who, what);
}

/** FORBIDDEN unless the caller acts for the unit (its identity department, as for case tasks); residents never. */
export function requireUnit(identity: Identity | null, department: string, what: string): void {
  const who = signedIn(identity);
  if (who.role === 'RESIDENT' || who.department !== department) throw refuse(who, what);
}

/** The 党工委 at or above an organisation; null when the tree has none above it. */
export async function workingCommitteeAbove(models: Models, organizationId: string | null | undefined): Promise<string | null> {
  if (!organizationId) return null;
  const org = (await models.PartyOrganization.findById(organizationId).lean()) as PartyOrganizationDoc | null;
  if (!org) return null;
  if (org.level === 'WORKING_COMMITTEE') return org._id;
  const top = org.ancestorIds[0];
  const topOrg = top ? ((await models.PartyOrganization.findById(top).lean()) as PartyOrganizationDoc | null) : null;
  return topOrg?.level === 'WORKING_COMMITTEE' ? topOrg._id : null;
}

/** The 党工委 above the branch that covers a grid. */
export async function workingCommitteeOfGrid(models: Models, gridId: string): Promise<string | null> {
  const branch = (await models.PartyOrganization.findOne({ coveredGridIds: gridId, level: 'BRANCH' }).lean()) as PartyOrganizationDoc | null;
  return workingCommitteeAbove(models, branch?._id);
}
