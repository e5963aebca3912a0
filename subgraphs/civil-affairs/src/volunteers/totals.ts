import { badInput, requirePeriod } from '@cg/kit';
import type { Models } from '../models';
import { VOLUNTEER_KINDS, type VolunteerAttendanceDoc } from '../models/Volunteer';

type Row = Pick<VolunteerAttendanceDoc, 'activityId' | 'heldOn' | 'hours'>;

export function requireVolunteerYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`${field} must be a year between 2000 and 2100`, { field });
  return year;
}

/** Whether a day lies in a period: YYYY, YYYY-Qn or YYYY-MM. */
function inPeriod(day: string, period: string): boolean {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return day.startsWith(period);
  const month = Number(day.slice(5, 7));
  return day.startsWith(quarter[1]!) && Math.ceil(month / 3) === Number(quarter[2]);
}

/** Totals of attendance rows in a period (rows of one year, read by an equality on an indexed field pair). */
function totalsOf(rows: Row[], period: string) {
  const inside = rows.filter((r) => inPeriod(r.heldOn, period));
  return { period, activities: new Set(inside.map((r) => r.activityId)).size, attendances: inside.length, hours: inside.reduce((sum, r) => sum + r.hours, 0) };
}

/** A team's or a resident's totals for `period`: one read of the year's attendance. */
export async function volunteerTotals(models: Models, by: 'teamId' | 'residentId', id: string, period: string) {
  requirePeriod(period, 'period', ['YEAR', 'QUARTER', 'MONTH']);
  const rows = await models.VolunteerAttendance.find({ [by]: id, year: Number(period.slice(0, 4)) }, { activityId: 1, heldOn: 1, hours: 1 }).lean<Row[]>();
  return totalsOf(rows, period);
}

/** 志愿服务 figures for a community and year: three equality reads. */
export async function volunteerMeasures(models: Models, communityId: string, year: number) {
  const [teams, activities, rows] = await Promise.all([
    models.VolunteerTeam.countDocuments({ communityId }),
    models.VolunteerActivity.find({ communityId, year }, { kind: 1, totalHours: 1 }).lean<Array<{ kind: string; totalHours: number }>>(),
    models.VolunteerAttendance.find({ communityId, year }, { residentId: 1, hours: 1, creditStatus: 1 }).lean<
      Array<Pick<VolunteerAttendanceDoc, 'residentId' | 'hours' | 'creditStatus'>>
    >(),
  ]);
  return {
    year,
    teams,
    volunteers: new Set(rows.map((r) => r.residentId)).size,
    activities: activities.length,
    attendances: rows.length,
    hours: rows.reduce((sum, r) => sum + r.hours, 0),
    byKind: VOLUNTEER_KINDS.map((kind) => {
      const ofKind = activities.filter((a) => a.kind === kind);
      return { kind, activities: ofKind.length, hours: ofKind.reduce((sum, a) => sum + a.totalHours, 0) };
    }),
    creditsPending: rows.filter((r) => r.creditStatus === 'PENDING').length,
  };
}
