/**
 * 双报到 figures of a statistics scope (see kit/src/statistics.ts). Party knows its in-service members; where they
 * live is civil affairs' to say, asked once per request in one `_entities` call for all of them (bounded by the
 * in-service members, not by the population). Members: one indexed equality on `category`; registrations and
 * activities: `$in` over the members in scope.
 */
import { ErrorCode, notFound, typedError, parseStatisticsId, trusted, type StatisticsKey } from '@cg/kit';
import type { Context } from './context';
import type { PartyMemberDoc } from './models/PartyMember';

interface Home {
  gridId: string;
  communityId: string;
}

export interface PartyScopeStatistics {
  id: string;
  key: StatisticsKey;
  members: () => Promise<Array<PartyMemberDoc & Home>>;
}

/** Where each resident lives (top-level grid and community), asked of civil affairs; null for one it does not know. */
async function homesOf(ctx: Context, residentIds: string[]): Promise<Array<Home | null>> {
  const answers = (await ctx.peers.entities('civil-affairs', 'Resident', residentIds, 'id grid { id community { id } }')) as Array<{
    grid?: { id: string; community?: { id: string } | null } | null;
  } | null>;
  return answers.map((r) => (r?.grid?.community ? { gridId: r.grid.id, communityId: r.grid.community.id } : null));
}

async function coveredGridIds(ctx: Context, organizationId: string): Promise<string[]> {
  const organization = await ctx.loaders.organization.load(organizationId);
  if (!organization) throw notFound('PartyOrganization', organizationId, 'id');
  return organization.coveredGridIds;
}

type PlacedMember = PartyMemberDoc & Home;

/**
 * In-service members with their homes, once per request whatever the number of scopes asked (a page of grids, each
 * with its statistics, is one members query and one question to civil affairs).
 */
const placedByRequest = new WeakMap<object, Promise<PlacedMember[]>>();
function placedMembers(ctx: Context): Promise<PlacedMember[]> {
  let placed = placedByRequest.get(ctx.loaders);
  if (!placed) {
    placed = (async () => {
      const inService = (await ctx.models.PartyMember.find({ category: 'IN_SERVICE' }).lean()) as PartyMemberDoc[];
      const homes = await homesOf(
        ctx,
        inService.map((m) => m.residentId),
      );
      return inService.flatMap((member, i) => (homes[i] ? [{ ...member, ...homes[i] }] : []));
    })();
    placedByRequest.set(ctx.loaders, placed);
  }
  return placed;
}

export function partyStatistics(ctx: Context, id: string): PartyScopeStatistics {
  const key = parseStatisticsId(id);
  let members: Promise<PlacedMember[]> | undefined;
  const load = async () => {
    const [placed, grids] = await Promise.all([placedMembers(ctx), key.scope === 'PARTY_BRANCH' ? coveredGridIds(ctx, key.scopeId) : null]);
    const lives = (home: Home) =>
      key.scope === 'COMMUNITY' ? home.communityId === key.scopeId : key.scope === 'GRID' ? home.gridId === key.scopeId : grids!.includes(home.gridId);
    return placed.filter(lives);
  };
  return { id, key, members: () => (members ??= load()) };
}

export async function dualReporting(ctx: Context, s: PartyScopeStatistics) {
  const members = await s.members();
  if (!members.length) return { inServiceMembers: 0, reported: 0, rate: null };
  const registrations = await ctx.models.DualRegistration.find({ memberId: trusted({ $in: members.map((m) => m._id) }), reportedOn: trusted({ $lte: s.key.to }) }).lean();
  const home = new Map(members.map((m) => [m._id, m.communityId]));
  const reportedHome = new Set(registrations.filter((r) => home.get(r.memberId) === r.communityId).map((r) => r.memberId));
  return { inServiceMembers: members.length, reported: reportedHome.size, rate: reportedHome.size / members.length };
}

export async function dualReportingServiceHours(ctx: Context, s: PartyScopeStatistics): Promise<number> {
  const members = await s.members();
  if (!members.length) return 0;
  const activities = await ctx.models.ServiceActivity.find(
    { memberId: trusted({ $in: members.map((m) => m._id) }), kind: 'VOLUNTEER_SERVICE', date: trusted({ $gte: s.key.from, $lte: s.key.to }) },
    { hours: 1 },
  ).lean();
  return activities.reduce((sum, a) => sum + (a.hours ?? 0), 0);
}

/** A grid worker may see an organisation's statistics only when every grid it covers is theirs. */
export async function requireOrganizationInScope(ctx: Context, organizationId: string): Promise<void> {
  const gridIds = ctx.identity?.scope.gridIds ?? [];
  if (!gridIds.length) return;
  const covered = await coveredGridIds(ctx, organizationId);
  if (!covered.length || covered.some((g) => !gridIds.includes(g)))
    throw typedError(ErrorCode.FORBIDDEN, "the organisation covers grids outside the caller's", { field: 'id', reason: 'scope' });
}
