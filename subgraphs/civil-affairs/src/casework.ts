/**
 * SENSITIVE casework (敏感个人信息): vulnerability flags, assistance (救助/保障), must-go events and visits
 * (三必到四必访). Validation first; every write is one document, the care profile through `updateCareProfile`.
 */
import { actor, assertId, badInput, createOnce, optionalText, requireDate, requireNonBlank, requireOrder, requirePastDate, requireRange, stableId, todayInChina } from '@cg/kit';
import { ASSISTANCE_TRANSITIONS, FLAG_OF_KIND, type AssistanceStatus } from './assistance';
import { groupsOf, withEvent, withFlags, withVisit, type MustGoEvent, type OpenEvent, type VulnerabilityFlag } from './care';
import { updateCareProfile } from './careProfiles';
import { caller, type Context } from './context';
import type {
  GrantAssistanceInput,
  MutationChangeAssistanceStatusArgs,
  MutationSetVulnerabilityFlagsArgs,
  RecordVisitInput,
  ReportMustGoEventInput,
} from './generated/resolvers-types';
import type { AssistanceRecordDoc } from './models/AssistanceRecord';
import type { ResidentDoc } from './models/Resident';
import type { VisitDoc } from './models/Visit';
import { loadGrid, loadResident } from './registration';
import { moveStatus } from './transition';

/** The resident with the community of their grid, which a care profile carries for its filters. */
async function placed(ctx: Context, residentId: unknown): Promise<ResidentDoc & { communityId: string }> {
  const resident = await loadResident(ctx, residentId);
  const grid = await loadGrid(ctx, resident.gridId, 'residentId');
  return { ...resident, communityId: grid.communityId };
}

export async function setVulnerabilityFlags(ctx: Context, { residentId, flags, since }: MutationSetVulnerabilityFlagsArgs) {
  const on = since == null ? todayInChina() : requirePastDate(since, 'since');
  const resident = await placed(ctx, residentId);
  return (await updateCareProfile(ctx.models, resident, todayInChina(), (state) => ({ state: withFlags(state, flags as VulnerabilityFlag[], on) }))).profile;
}

export async function grantAssistance(ctx: Context, input: GrantAssistanceInput): Promise<AssistanceRecordDoc> {
  const startDate = requireDate(input.startDate, 'startDate');
  const endDate = input.endDate == null ? undefined : requireDate(input.endDate, 'endDate');
  if (endDate) requireOrder(startDate, endDate, ['startDate', 'endDate']);
  const monthlyAmount = input.monthlyAmount == null ? undefined : requireRange(input.monthlyAmount, 'monthlyAmount', 0, 100_000);
  if (monthlyAmount !== undefined && !Number.isInteger(monthlyAmount)) throw badInput('monthlyAmount must be whole yuan', { field: 'monthlyAmount' });
  const approvedBy = optionalText(input.approvedBy, 'approvedBy', 100);
  const note = optionalText(input.note, 'note', 500);
  const resident = await placed(ctx, input.residentId);
  const today = todayInChina();
  const status: AssistanceStatus = endDate && endDate < today ? 'ENDED' : 'ACTIVE';
  const doc = {
    residentId: resident._id,
    householdId: resident.householdId,
    gridId: resident.gridId,
    kind: input.kind,
    status,
    startDate,
    endDate,
    monthlyAmount,
    approvedBy,
    note,
    recordedBy: actor(ctx) ?? undefined,
  };
  const { doc: record } = await createOnce<AssistanceRecordDoc>(ctx.models.AssistanceRecord, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input });
  const flag = FLAG_OF_KIND[input.kind as keyof typeof FLAG_OF_KIND];
  if (flag && status === 'ACTIVE') {
    // Idempotent: a flag already set changes nothing, so a retried grant is harmless here too.
    await updateCareProfile(ctx.models, resident, today, (state) => ({
      state: state.flags.includes(flag) ? state : withFlags(state, [...state.flags, flag], startDate > today ? today : startDate),
    }));
  }
  return record;
}

export async function changeAssistanceStatus(ctx: Context, { id, status, endDate, reason }: MutationChangeAssistanceStatusArgs) {
  const end = endDate == null ? undefined : requireDate(endDate, 'endDate');
  if (status !== 'ENDED' && end) throw badInput('endDate goes with status ENDED only', { field: 'endDate' });
  const note = optionalText(reason, 'reason', 500);
  return moveStatus<AssistanceStatus, AssistanceRecordDoc>(
    ctx,
    'AssistanceRecord',
    { id, to: status, transitions: ASSISTANCE_TRANSITIONS },
    (current) => {
      if (status !== 'ENDED') return {};
      const on = end ?? todayInChina();
      requireOrder(current.startDate, on, ['startDate', 'endDate']);
      return { endDate: on };
    },
    { at: new Date().toISOString(), note, by: actor(ctx) },
  );
}

export async function reportMustGoEvent(ctx: Context, input: ReportMustGoEventInput) {
  const occurredOn = requirePastDate(input.occurredOn, 'occurredOn');
  const note = optionalText(input.note, 'note', 500);
  const resident = await placed(ctx, input.residentId);
  // The key makes a retried report land on the same event id, which the profile keeps once.
  const eventId = input.idempotencyKey == null ? stableId('must_go', resident._id, input.event, occurredOn, note ?? '') : stableId('must_go', caller(ctx), input.idempotencyKey);
  return (
    await updateCareProfile(ctx.models, resident, todayInChina(), (state) => ({
      state: withEvent(state, { _id: eventId, event: input.event as MustGoEvent, occurredOn, note }),
    }))
  ).profile;
}

/** A family dispute brings a must-go visit to every resident party (三必到: 家庭矛盾必到). */
export async function reportFamilyDisputeEvents(ctx: Context, disputeId: string, residentIds: string[], occurredOn: string) {
  for (const residentId of residentIds) {
    const resident = await placed(ctx, residentId);
    await updateCareProfile(ctx.models, resident, todayInChina(), (state) => ({
      state: withEvent(state, { _id: stableId('must_go', 'dispute', disputeId, residentId), event: 'FAMILY_DISPUTE', occurredOn, note: null }),
    }));
  }
}

export async function recordVisit(ctx: Context, input: RecordVisitInput): Promise<VisitDoc> {
  const visitedOn = requirePastDate(input.visitedOn, 'visitedOn');
  const visitorName = requireNonBlank(input.visitorName, 'visitorName', 40);
  const notes = optionalText(input.notes, 'notes', 2000);
  const resident = await placed(ctx, assertId(input.residentId, 'residentId'));
  const profile = await ctx.loaders.careProfileByResident.load(resident._id);
  const doc = {
    residentId: resident._id,
    gridId: resident.gridId,
    visitedOn,
    visitorName,
    method: input.method,
    notes,
    groups: groupsOf(profile?.flags ?? []),
    answeredEvents: [] as string[],
    recordedBy: actor(ctx) ?? undefined,
  };
  const { doc: visit } = await createOnce<VisitDoc>(ctx.models.Visit, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input });
  // Also on a retry: applying the same visit again changes nothing, and it finishes a call that stopped half-way.
  if (!profile) return visit;
  const { result: answered } = await updateCareProfile<OpenEvent[]>(ctx.models, resident, todayInChina(), (state) => {
    const next = withVisit(state, visitedOn);
    return { state: next.state, result: next.answered };
  });
  if (answered?.length) {
    const events = [...new Set(answered.map((e) => e.event))];
    await ctx.models.Visit.updateOne({ _id: visit._id }, { $set: { answeredEvents: events } });
    return { ...visit, answeredEvents: events };
  }
  return visit;
}
