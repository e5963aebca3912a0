/** 志愿服务 writes: teams, members, and activities with their attendance (which then credit points once each). */
import { actor, assertId, badInput, conflict, createOnce, isDuplicateKey, notFound, optionalId, requireEnum, requireNonBlank, requirePastDate, stableId, trusted } from '@cg/kit';
import { caller, type Context } from '../context';
import type { AddVolunteerMemberInput, CreateVolunteerTeamInput, RecordVolunteerActivityInput } from '../generated/resolvers-types';
import { VOLUNTEER_KINDS, type VolunteerActivityDoc, type VolunteerAttendanceDoc, type VolunteerMemberDoc, type VolunteerTeamDoc } from '../models/Volunteer';
import { loadResident } from '../registration';
import { deliverCredits } from './credits';

const MAX_ATTENDANCES = 200;

async function loadTeam(ctx: Context, id: unknown): Promise<VolunteerTeamDoc> {
  const teamId = assertId(id, 'teamId');
  const team = await ctx.models.VolunteerTeam.findById(teamId).lean<VolunteerTeamDoc>();
  if (!team) throw notFound('VolunteerTeam', teamId, 'teamId');
  ctx.requireInScope('VolunteerTeam', team, 'teamId');
  return team;
}

export async function createVolunteerTeam(ctx: Context, input: CreateVolunteerTeamInput): Promise<VolunteerTeamDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const organizingUnit = requireNonBlank(input.organizingUnit, 'organizingUnit', 100);
  const communityId = assertId(input.communityId, 'communityId');
  const foundedOn = requirePastDate(input.foundedOn, 'foundedOn');
  if (!(await ctx.loaders.community.load(communityId))) throw notFound('Community', communityId, 'communityId');
  const doc = { name, organizingUnit, communityId, foundedOn };
  ctx.requireInScope('VolunteerTeam', doc, 'communityId');
  const { doc: team } = await createOnce<VolunteerTeamDoc>(
    ctx.models.VolunteerTeam,
    { ...doc, createdBy: actor(ctx) },
    { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input: doc },
  );
  return team;
}

/** A resident joins a team once; a party member's PartyMember id is confirmed with party to be this resident's. */
export async function addVolunteerMember(ctx: Context, input: AddVolunteerMemberInput): Promise<VolunteerMemberDoc> {
  const joinedOn = requirePastDate(input.joinedOn, 'joinedOn');
  const partyMemberId = optionalId(input.partyMemberId, 'partyMemberId') ?? null;
  const team = await loadTeam(ctx, input.teamId);
  const resident = await loadResident(ctx, input.residentId);
  if (joinedOn < team.foundedOn) throw badInput('joinedOn is before the team was founded', { field: 'joinedOn' });
  if (partyMemberId) {
    const [member] = (await ctx.peers.entities('party', 'PartyMember', [partyMemberId], 'id resident { id }')) as Array<{ resident: { id: string } | null } | null>;
    if (!member) throw notFound('PartyMember', partyMemberId, 'partyMemberId');
    if (member.resident?.id !== resident._id) throw badInput('the party member is another resident', { field: 'partyMemberId' });
  }
  const doc = {
    _id: stableId('volunteer-member', team._id, resident._id),
    teamId: team._id,
    communityId: team.communityId,
    residentId: resident._id,
    partyMemberId,
    joinedOn,
    createdBy: actor(ctx),
  };
  try {
    return (await ctx.models.VolunteerMember.create(doc)).toObject() as VolunteerMemberDoc;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('the resident is in this team already', { field: 'residentId' });
    throw error;
  }
}

function requireAttendances(input: RecordVolunteerActivityInput['attendances']) {
  if (input.length < 1 || input.length > MAX_ATTENDANCES) throw badInput(`attendances must list 1 to ${MAX_ATTENDANCES}`, { field: 'attendances' });
  const rows = input.map((a) => {
    if (!(a.hours > 0 && a.hours <= 24 && Number.isInteger(a.hours * 2))) throw badInput('hours must be more than 0 and at most 24, in half hours', { field: 'attendances' });
    return { memberId: assertId(a.memberId, 'attendances'), hours: a.hours };
  });
  if (new Set(rows.map((r) => r.memberId)).size !== rows.length) throw badInput('a member is listed twice', { field: 'attendances' });
  return rows;
}

/**
 * The activity first, then its attendance rows (ids from activity and member, so a retry with the same key adds
 * the rows a crash left out and nothing else), each PENDING; then the credits are tried. A credit that fails leaves
 * the attendance PENDING for the sweep: the activity is recorded either way.
 */
export async function recordVolunteerActivity(ctx: Context, input: RecordVolunteerActivityInput): Promise<VolunteerActivityDoc> {
  const kind = requireEnum(input.kind, VOLUNTEER_KINDS, 'kind');
  const title = requireNonBlank(input.title, 'title', 100);
  const place = requireNonBlank(input.place, 'place', 200);
  const heldOn = requirePastDate(input.heldOn, 'heldOn');
  const rows = requireAttendances(input.attendances);
  const team = await loadTeam(ctx, input.teamId);
  if (heldOn < team.foundedOn) throw badInput('heldOn is before the team was founded', { field: 'heldOn' });
  const members = await ctx.models.VolunteerMember.find({ _id: trusted({ $in: rows.map((r) => r.memberId) }) }).lean<VolunteerMemberDoc[]>();
  const byId = new Map(members.map((m) => [m._id, m]));
  for (const row of rows) {
    const member = byId.get(row.memberId);
    if (!member) throw notFound('VolunteerMember', row.memberId, 'attendances');
    if (member.teamId !== team._id) throw badInput('a member belongs to another team', { field: 'attendances' });
    if (member.joinedOn > heldOn) throw badInput('a member joined after the activity', { field: 'attendances' });
  }
  const totalHours = rows.reduce((sum, r) => sum + r.hours, 0);
  const doc = { teamId: team._id, communityId: team.communityId, kind, title, place, heldOn, year: Number(heldOn.slice(0, 4)), attendanceCount: rows.length, totalHours };
  const { doc: activity } = await createOnce<VolunteerActivityDoc>(
    ctx.models.VolunteerActivity,
    { ...doc, createdBy: actor(ctx) },
    { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input: { ...doc, rows } },
  );
  const attendances = rows.map(({ memberId, hours }) => {
    const member = byId.get(memberId)!;
    return {
      _id: stableId('volunteer-attendance', activity._id, memberId),
      activityId: activity._id,
      teamId: team._id,
      communityId: team.communityId,
      memberId,
      residentId: member.residentId,
      partyMemberId: member.partyMemberId ?? null,
      kind,
      heldOn,
      year: activity.year,
      hours,
      creditTarget: member.partyMemberId ? 'PARTY_POINTS' : 'CIVILITY_POINTS',
      creditStatus: 'PENDING',
    };
  });
  try {
    await ctx.models.VolunteerAttendance.insertMany(attendances, { ordered: false });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // a retry: the rows written before are kept as they are
  }
  const stored = await ctx.models.VolunteerAttendance.find({ activityId: activity._id }).lean<VolunteerAttendanceDoc[]>();
  await deliverCredits(ctx.models, ctx.peers, stored);
  return activity;
}
