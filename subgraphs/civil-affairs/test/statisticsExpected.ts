/**
 * Statistics computed straight from the world's records (never through the API), for the statistics tests to
 * compare with: each figure follows the definition in the schema's descriptions, written out again here.
 */
import { ageOn, chinaDayStart, chinaNextDayStart, daysBetween, type World } from '@cg/kit';

type Doc = Record<string, any>;

/** Required visit intervals of the must-visit groups (四必访), as the MustVisitGroup descriptions state them. */
const INTERVAL_DAYS: Record<string, number> = { POOR_FAMILY: 30, HOSPITAL_PATIENT: 7, UNABLE_TO_SELF_CARE: 14, ELDERLY_ALONE: 7 };

export function expectedStatistics(world: World, gridIds: string[], from: string, to: string) {
  const civil = world['civil-affairs'] as Record<string, Doc[]>;
  const party = world.party as Record<string, Doc[]>;
  const jobs = world.employment as Record<string, Doc[]>;
  const inRange = (date: string) => date >= from && date <= to;
  const grids = new Set(gridIds);
  const nodes = new Set(civil.Grid!.filter((g: Doc) => grids.has(g._id) || (g.ancestorIds ?? []).some((a: string) => grids.has(a))).map((g: Doc) => g._id));
  const residents = civil.Resident!.filter((r: Doc) => grids.has(r.gridId));
  const residentIds = new Set(residents.map((r: Doc) => r._id));

  const visits = civil.Visit!.filter((v: Doc) => grids.has(v.gridId) && inRange(v.visitedOn));
  const profiles = civil.CareProfile!.filter((p: Doc) => grids.has(p.gridId));
  const days = daysBetween(from, to) + 1;
  let visitsDue = 0;
  for (const p of profiles) {
    const intervals = (p.groups as string[]).map((g) => INTERVAL_DAYS[g]!);
    if (intervals.length) visitsDue += Math.ceil(days / Math.min(...intervals));
    visitsDue += (p.openEvents as Doc[]).filter((e) => inRange(e.occurredOn)).length;
  }
  for (const v of visits) visitsDue += v.answeredEvents.length;

  const disputes = civil.Dispute!.filter((d: Doc) => nodes.has(d.gridId));
  const start = chinaDayStart(from);
  const end = chinaNextDayStart(to);
  const earned = new Map<string, number>();
  for (const e of civil.CivilityPointsEntry!) {
    if (e.kind === 'EARN' && residentIds.has(e.residentId) && e.occurredAt >= start && e.occurredAt < end) earned.set(e.residentId, (earned.get(e.residentId) ?? 0) + e.points);
  }
  const ranking = [...earned].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([residentId, points], i) => ({ rank: i + 1, residentId, points }));

  const gridOf = new Map(civil.Resident!.map((r: Doc) => [r._id, r.gridId]));
  const communityOf = new Map(civil.Grid!.map((g: Doc) => [g._id, g.communityId]));
  const inService = party.PartyMember!.filter((m: Doc) => m.category === 'IN_SERVICE' && grids.has(gridOf.get(m.residentId)));
  const reported = inService.filter((m: Doc) =>
    party.DualRegistration!.some((r: Doc) => r.memberId === m._id && r.reportedOn <= to && r.communityId === communityOf.get(gridOf.get(m.residentId))),
  );
  const memberIds = new Set(inService.map((m: Doc) => m._id));
  const hours = party
    .ServiceActivity!.filter((a: Doc) => a.kind === 'VOLUNTEER_SERVICE' && memberIds.has(a.memberId) && inRange(a.date))
    .reduce((sum: number, a: Doc) => sum + (a.hours ?? 0), 0);

  const workingAge = residents.filter((r: Doc) => ageOn(r.birthDate, to) >= 16 && ageOn(r.birthDate, to) <= 59);
  const employed = workingAge.filter((r: Doc) => {
    const history = jobs.EmploymentRecord!.filter((e: Doc) => e.residentId === r._id && e.since <= to);
    const order = (e: Doc) => `${e.since}|${e.recordedAt ? new Date(e.recordedAt).toISOString() : ''}`;
    const latest = history.sort((a: Doc, b: Doc) => order(a).localeCompare(order(b))).at(-1);
    return latest?.status === 'EMPLOYED';
  });
  const postsFilled = jobs.WelfarePost!.filter((p: Doc) => p.status === 'HELD' && residentIds.has(p.holderResidentId) && p.holderSince <= to).length;

  return {
    residentCount: residents.length,
    visitsDue,
    visitsDone: visits.length,
    mustVisitResidents: profiles.filter((p: Doc) => p.groups.length > 0).length,
    disputesReceived: disputes.filter((d: Doc) => inRange(d.reportedOn)).length,
    disputesResolved: disputes.filter((d: Doc) => d.status === 'RESOLVED' && d.resolvedOn && inRange(d.resolvedOn)).length,
    ranking,
    dualReporting: { inServiceMembers: inService.length, reported: reported.length, rate: inService.length ? reported.length / inService.length : null },
    dualReportingServiceHours: hours,
    employment: {
      workingAgeResidents: workingAge.length,
      employed: employed.length,
      employmentRate: workingAge.length ? employed.length / workingAge.length : null,
      welfarePostsFilled: postsFilled,
    },
  };
}
