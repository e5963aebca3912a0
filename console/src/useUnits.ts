import { useQuery } from 'urql';
import { ResponseUnitsQuery } from './operations';
import { COMMUNITY_ROLES, type Claims } from './session';

/** The 1+3+N roster and the caller's own unit: the unit its department acts for, or the community unit for community staff. */
export function useUnits(claims: Claims) {
  const [{ data }] = useQuery({ query: ResponseUnitsQuery, pause: claims.role === 'RESIDENT' }); // the roster is staff-only
  const units = data?.responseUnits ?? [];
  const community = COMMUNITY_ROLES.includes(claims.role);
  const mine = community ? units.find((u) => u.kind === 'COMMUNITY') : units.find((u) => u.department === claims.department);
  return { units, mine, community, communityId: claims.communityIds[0] ?? units[0]?.community.id };
}
