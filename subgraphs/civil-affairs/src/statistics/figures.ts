/**
 * The civil-affairs figures of one scope and range, each computed at most once per request (several fields share
 * the scope's residents). Reads: equality on the scope's top-level grids or community, ranges on dates, `$in` only
 * over the scope's own ids; every result is bounded by the scope's residents and the records of the range.
 */
import { chinaDayStart, chinaNextDayStart, daysBetween, trusted, yearsBefore } from '@cg/kit';
import { requiredIntervalDays } from '../care';
import type { Context } from '../context';
import type { StatisticsScope } from './scope';

/** Working age (劳动年龄) as these statistics count it: 16 to 59 years old, men and women alike. */
const WORKING_AGE = { min: 16, max: 59 } as const;

interface ResidentRow {
  _id: string;
  birthDate: string;
  householdId: string;
}

export interface RankingRow {
  rank: number;
  residentId: string;
  points: number;
}

export class ScopeFigures {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: Context,
    readonly scope: StatisticsScope,
  ) {}

  /** A query (a thenable that runs once) or computation, started on first use and shared after. */
  private once<T>(name: string, compute: () => PromiseLike<T>): Promise<T> {
    if (!this.memo.has(name)) this.memo.set(name, Promise.resolve(compute()));
    return this.memo.get(name) as Promise<T>;
  }

  private get range() {
    return this.scope.key;
  }

  /** Per top-level grid, one indexed equality query; their union. */
  private async perGrid<T>(read: (gridId: string) => Promise<T[]>): Promise<T[]> {
    return (await Promise.all(this.scope.gridIds.map(read))).flat();
  }

  residents(): Promise<ResidentRow[]> {
    return this.once('residents', () =>
      this.perGrid((gridId) => this.ctx.models.Resident.find({ gridId }, { birthDate: 1, householdId: 1 }).lean() as unknown as Promise<ResidentRow[]>),
    );
  }

  /** How many residents the scope has: a count per top-level grid, unless the residents were read already. */
  residentCount(): Promise<number> {
    if (this.memo.has('residents')) return this.residents().then((r) => r.length);
    return this.once('residentCount', async () =>
      (await Promise.all(this.scope.gridIds.map((gridId) => this.ctx.models.Resident.countDocuments({ gridId })))).reduce((a, b) => a + b, 0),
    );
  }

  /** Residents aged WORKING_AGE.min to WORKING_AGE.max on the range's last day. */
  async workingAgeResidentIds(): Promise<string[]> {
    const { to } = this.range;
    const bornAfter = yearsBefore(to, WORKING_AGE.max + 1); // the 60th birthday falls after `to`
    const bornBy = yearsBefore(to, WORKING_AGE.min); // the 16th birthday is on or before `to`
    return (await this.residents()).filter((r) => r.birthDate > bornAfter && r.birthDate <= bornBy).map((r) => r._id);
  }

  private visits() {
    const { from, to } = this.range;
    return this.once('visits', () => this.perGrid((gridId) => this.ctx.models.Visit.find({ gridId, visitedOn: trusted({ $gte: from, $lte: to }) }, { answeredEvents: 1 }).lean()));
  }

  private careProfiles() {
    const projection = { flags: 1, openEvents: 1 };
    return this.once('careProfiles', () =>
      this.scope.key.scope === 'COMMUNITY'
        ? this.ctx.models.CareProfile.find({ communityId: this.scope.key.scopeId }, projection).lean()
        : this.perGrid((gridId) => this.ctx.models.CareProfile.find({ gridId }, projection).lean()),
    );
  }

  async visitsDone(): Promise<number> {
    return (await this.visits()).length;
  }

  async mustVisitResidents(): Promise<number> {
    return (await this.careProfiles()).filter((p) => requiredIntervalDays(p.flags) !== null).length;
  }

  async visitsDue(): Promise<number> {
    const { from, to } = this.range;
    const days = daysBetween(from, to) + 1;
    let due = 0;
    for (const profile of await this.careProfiles()) {
      const interval = requiredIntervalDays(profile.flags);
      if (interval !== null) due += Math.ceil(days / interval);
      due += (profile.openEvents ?? []).filter((e) => e.occurredOn! >= from && e.occurredOn! <= to).length;
    }
    for (const visit of await this.visits()) due += visit.answeredEvents.length;
    return due;
  }

  private disputes() {
    const projection = { reportedOn: 1, resolvedOn: 1, status: 1 };
    const { nodeIds } = this.scope;
    return this.once('disputes', () => this.ctx.models.Dispute.find({ gridId: nodeIds.length === 1 ? nodeIds[0] : trusted({ $in: nodeIds }) }, projection).lean());
  }

  async disputesReceived(): Promise<number> {
    const { from, to } = this.range;
    return (await this.disputes()).filter((d) => d.reportedOn >= from && d.reportedOn <= to).length;
  }

  async disputesResolved(): Promise<number> {
    const { from, to } = this.range;
    return (await this.disputes()).filter((d) => d.status === 'RESOLVED' && d.resolvedOn != null && d.resolvedOn >= from && d.resolvedOn <= to).length;
  }

  /**
   * Residents of the scope by points earned in the range (entries are stamped in UTC; the range is China days): the
   * entries carry their resident's top-level grid, so one indexed equality query per grid reads only the scope's earns.
   */
  ranking(): Promise<RankingRow[]> {
    return this.once('ranking', async () => {
      const { from, to } = this.range;
      const occurredAt = trusted({ $gte: chinaDayStart(from), $lt: chinaNextDayStart(to) });
      const entries = await this.perGrid((gridId) => this.ctx.models.CivilityPointsEntry.find({ gridId, kind: 'EARN', occurredAt }, { residentId: 1, points: 1 }).lean());
      const sums = new Map<string, number>();
      for (const e of entries) sums.set(e.residentId, (sums.get(e.residentId) ?? 0) + e.points);
      return [...sums].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([residentId, points], i) => ({ rank: i + 1, residentId, points }));
    });
  }
}
