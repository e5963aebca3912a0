/**
 * 三必到四必访 rules, pure so they are unit-testable: which flags put a resident in which must-visit group (四必访),
 * how often each group must be visited, how soon a must-go event (三必到) needs a visit, and when the next visit
 * is due.
 */
import { addDays, maxDate } from '@cg/kit';

export const VULNERABILITY_FLAGS = [
  'LOW_INCOME',
  'EXTREME_POVERTY',
  'DISABILITY',
  'ELDERLY_ALONE',
  'HOSPITALISED',
  'UNABLE_TO_SELF_CARE',
  'LEFT_BEHIND_CHILD',
  'SERIOUS_ILLNESS',
] as const;
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number];

const MUST_VISIT_GROUPS = ['POOR_FAMILY', 'HOSPITAL_PATIENT', 'UNABLE_TO_SELF_CARE', 'ELDERLY_ALONE'] as const;
type MustVisitGroup = (typeof MUST_VISIT_GROUPS)[number];

/** Group → the flags that put a resident in it and the longest gap allowed between visits, in days. */
const MUST_VISIT_RULES: Record<MustVisitGroup, { flags: VulnerabilityFlag[]; intervalDays: number }> = {
  POOR_FAMILY: { flags: ['LOW_INCOME', 'EXTREME_POVERTY'], intervalDays: 30 },
  HOSPITAL_PATIENT: { flags: ['HOSPITALISED'], intervalDays: 7 },
  UNABLE_TO_SELF_CARE: { flags: ['UNABLE_TO_SELF_CARE'], intervalDays: 14 },
  ELDERLY_ALONE: { flags: ['ELDERLY_ALONE'], intervalDays: 7 },
};

export const MUST_GO_EVENTS = ['EMERGENCY', 'GRIEVANCE', 'FAMILY_DISPUTE'] as const;
export type MustGoEvent = (typeof MUST_GO_EVENTS)[number];

/** Days after the event by which someone must have gone (0: the same day). */
export const MUST_GO_DAYS: Record<MustGoEvent, number> = { EMERGENCY: 0, GRIEVANCE: 3, FAMILY_DISPUTE: 1 };

export interface OpenEvent {
  _id: string;
  event: MustGoEvent;
  occurredOn: string;
  dueBy: string;
  note?: string | null;
}

export interface CareState {
  flags: VulnerabilityFlag[];
  flaggedOn: string;
  lastVisitedOn?: string | null;
  openEvents: OpenEvent[];
}

export const groupsOf = (flags: readonly string[]): MustVisitGroup[] => MUST_VISIT_GROUPS.filter((group) => MUST_VISIT_RULES[group].flags.some((flag) => flags.includes(flag)));

export function requiredIntervalDays(flags: readonly string[]): number | null {
  const intervals = groupsOf(flags).map((group) => MUST_VISIT_RULES[group].intervalDays);
  return intervals.length ? Math.min(...intervals) : null;
}

const minDate = (dates: Array<string | null>) => dates.filter((d): d is string => !!d).sort()[0] ?? null;

/**
 * The next required visit: the routine one (the shortest group interval after the later of the last visit and the
 * day the resident entered a new group) or an open must-go event's deadline, whichever is first; null for none.
 */
export function nextVisitDue(state: CareState): string | null {
  const interval = requiredIntervalDays(state.flags);
  const routine = interval === null ? null : addDays(maxDate(state.flaggedOn, state.lastVisitedOn), interval);
  return minDate([routine, ...state.openEvents.map((e) => e.dueBy)]);
}

/** New flags; entering a group the resident was not in restarts the routine clock on `on`. */
export function withFlags(state: CareState, flags: VulnerabilityFlag[], on: string): CareState {
  const unique = VULNERABILITY_FLAGS.filter((flag) => flags.includes(flag));
  const before = new Set(groupsOf(state.flags));
  const entersGroup = groupsOf(unique).some((group) => !before.has(group));
  return { ...state, flags: unique, flaggedOn: entersGroup ? on : state.flaggedOn };
}

/** A must-go event; the same event id twice (a retried report) is recorded once. */
export function withEvent(state: CareState, event: Omit<OpenEvent, 'dueBy'>): CareState {
  if (state.openEvents.some((e) => e._id === event._id)) return state;
  const open: OpenEvent = { ...event, dueBy: addDays(event.occurredOn, MUST_GO_DAYS[event.event]) };
  return { ...state, openEvents: [...state.openEvents, open] };
}

/** A visit on `visitedOn` answers every event that happened on or before it and counts as the latest visit. */
export function withVisit(state: CareState, visitedOn: string): { state: CareState; answered: OpenEvent[] } {
  const answered = state.openEvents.filter((e) => e.occurredOn <= visitedOn);
  return {
    state: { ...state, lastVisitedOn: maxDate(state.lastVisitedOn, visitedOn), openEvents: state.openEvents.filter((e) => e.occurredOn > visitedOn) },
    answered,
  };
}
