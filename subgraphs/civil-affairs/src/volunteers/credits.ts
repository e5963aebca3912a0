/**
 * Points for volunteer attendance, each exactly once. An attendance is written PENDING (the outbox flag) before any
 * credit is tried; a credit is then applied where the points live — party's ledger for a party member (through the
 * peer client, as this department's service identity, never party's database), the civility ledger here for a
 * resident — both idempotent on `volunteer-attendance:<id>`. Only after the owner confirmed is the flag set to
 * CREDITED. A failure (party down, a timeout, a lost answer) leaves the flag PENDING; the sweep sends it again, and a
 * repeat that reaches the owner finds the first credit. So nothing is lost and nothing counts twice.
 */
import { randomUUID } from 'node:crypto';
import { createPeerClient, positiveFromEnv, startSweeper, type PeerClient } from '@cg/kit';
import type { Models } from '../models';
import type { VolunteerAttendanceDoc } from '../models/Volunteer';
import { applyPoints } from '../points';

export const creditRef = (attendanceId: string) => `volunteer-attendance:${attendanceId}`;
/** 文明积分 for a resident's volunteer hours: one per hour, rounded, at least one. */
export const civilityPointsFor = (hours: number) => Math.max(1, Math.round(hours));

export const KIND_LABELS: Record<string, string> = {
  FREE_HAIRCUT: '义务理发',
  HEALTH_CLINIC: '健康义诊',
  POSTER_REMOVAL: '清理小广告',
  ENVIRONMENT_CLEANUP: '环境整治',
  ELDER_CARE: '关爱孤寡老人',
  CIVILITY_PERSUASION: '文明劝导',
  LEGAL_ADVICE: '法律咨询',
  OTHER: '其他',
};

const CREDIT_PARTY = `mutation($input: CreditVolunteerPointsInput!) { creditVolunteerPoints(input: $input) { id } }`;

async function creditOne(models: Models, peers: PeerClient, a: VolunteerAttendanceDoc): Promise<void> {
  const ref = creditRef(a._id);
  const label = KIND_LABELS[a.kind] ?? a.kind;
  if (a.creditTarget === 'PARTY_POINTS') {
    await peers.call('party', CREDIT_PARTY, { input: { memberId: a.partyMemberId, heldOn: a.heldOn, hours: a.hours, reason: label, sourceRef: ref } });
  } else {
    // The entry carries the resident's grid, as every points entry does, for the statistics of a scope.
    const resident = await models.Resident.findById(a.residentId, { gridId: 1 }).lean();
    if (!resident) throw new Error(`resident ${a.residentId} is no longer registered`);
    await applyPoints(models, {
      residentId: a.residentId,
      gridId: resident.gridId,
      kind: 'EARN',
      points: civilityPointsFor(a.hours),
      activity: `志愿服务·${label}`,
      idempotencyKey: ref,
      by: 'volunteer-service',
    });
  }
}

/** Tries each attendance's credit once; returns how many are credited now. Failures stay PENDING with the reason. */
export async function deliverCredits(models: Models, peers: PeerClient, attendances: VolunteerAttendanceDoc[]): Promise<number> {
  let credited = 0;
  for (const a of attendances) {
    if (a.creditStatus !== 'PENDING') continue;
    try {
      await creditOne(models, peers, a);
      await models.VolunteerAttendance.updateOne({ _id: a._id }, { $set: { creditStatus: 'CREDITED', creditError: null, creditedAt: new Date() } });
      credited++;
    } catch (error) {
      await models.VolunteerAttendance.updateOne(
        { _id: a._id, creditStatus: 'PENDING' },
        { $inc: { creditAttempts: 1 }, $set: { creditError: (error as Error).message.slice(0, 200) } },
      );
    }
  }
  return credited;
}

/** One sweep round: the oldest `limit` PENDING attendances, sent again. */
export async function sweepCredits(models: Models, peers: PeerClient, limit = 100) {
  const pending = await models.VolunteerAttendance.find({ creditStatus: 'PENDING' }).sort({ createdAt: 1 }).limit(limit).lean<VolunteerAttendanceDoc[]>();
  const credited = await deliverCredits(models, peers, pending);
  const stillPending = await models.VolunteerAttendance.countDocuments({ creditStatus: 'PENDING' });
  return { attempted: pending.length, credited, stillPending };
}

/** The department's sweep on a timer (src/index.ts); `stop()` ends it. */
export const startCreditSweeper = (models: Models, everyMs = positiveFromEnv(process.env, 'CG_VOLUNTEER_SWEEP_MS', 30_000)) =>
  startSweeper('volunteer credit sweep', everyMs, () => sweepCredits(models, createPeerClient('civil-affairs', `volunteer-sweep-${randomUUID()}`)));
