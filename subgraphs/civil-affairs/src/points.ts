/**
 * Civility points (文明积分). Invariants: the balance is never negative, and balance = Σ applied earns − Σ applied
 * spends. A spend is ONE conditional update on the account (`balance ≥ points`, `$inc`), so concurrent spends
 * cannot overdraw it. Each earn/spend is keyed: the ledger entry's id comes from (resident, idempotencyKey), and the
 * account records the entry ids it holds in the same update as the `$inc`, so a retry, or a resumed half-done call,
 * never counts twice. An entry is PENDING until applied; a spend that finds too few points is REJECTED and a
 * retry with its key answers the same error.
 */
import { createHash } from 'node:crypto';
import { badInput, conflict, isDuplicateKey, stableId, trusted } from '@cg/kit';
import type { Models } from './models';
import type { PointsAccountDoc, PointsEntryDoc } from './models/CivilityPoints';

export interface PointsRequest {
  residentId: string;
  kind: 'EARN' | 'SPEND';
  points: number;
  activity?: string;
  spentAt?: string;
  idempotencyKey: string;
  by?: string | null;
}

export const pointsAccountId = (residentId: string) => stableId('civility_points_account', residentId);
const entryId = (residentId: string, key: string) => stableId('civility_points_entry', residentId, key);
const fingerprint = (r: PointsRequest) => createHash('sha256').update(JSON.stringify([r.kind, r.points, r.activity ?? null, r.spentAt ?? null])).digest('hex').slice(0, 16);

export function requirePointsKey(key: unknown): string {
  if (typeof key !== 'string' || !/^[\w.:-]{8,128}$/.test(key)) {
    throw badInput('idempotencyKey must be 8–128 characters of letters, digits, _ . : -', { field: 'idempotencyKey' });
  }
  return key;
}

const shortOfPoints = (points: number) =>
  conflict(`not enough civility points for a spend of ${points}`, { field: 'points', reason: 'INSUFFICIENT_POINTS' });

/** Records and applies one earn or spend; returns the ledger entry (the first one again on a retry). */
export async function applyPoints(models: Models, request: PointsRequest, now = new Date()): Promise<PointsEntryDoc> {
  const _id = entryId(request.residentId, request.idempotencyKey);
  const print = fingerprint(request);
  let entry: PointsEntryDoc;
  try {
    entry = (await models.CivilityPointsEntry.create({
      _id, residentId: request.residentId, kind: request.kind, points: request.points, activity: request.activity, spentAt: request.spentAt,
      state: 'PENDING', occurredAt: now.toISOString(), recordedBy: request.by ?? undefined, requestFingerprint: print,
    })).toObject() as PointsEntryDoc;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    entry = (await models.CivilityPointsEntry.findById(_id).lean()) as PointsEntryDoc;
    if (entry.requestFingerprint !== print) throw conflict('idempotencyKey was already used for a different request', { field: 'idempotencyKey' });
    if (entry.state === 'APPLIED') return entry;
    if (entry.state === 'REJECTED') throw shortOfPoints(entry.points);
    // PENDING: an earlier call stopped half-way (or is running now); finish it, the account tells whether it counted.
  }

  const accountId = pointsAccountId(request.residentId);
  if (request.kind === 'EARN') await ensureAccount(models, accountId, request.residentId);
  const sign = request.kind === 'EARN' ? 1 : -1;
  const account = (await models.CivilityPointsAccount.findOneAndUpdate(
    {
      _id: accountId,
      appliedEntryIds: trusted({ $ne: _id }),
      ...(request.kind === 'SPEND' ? { balance: trusted({ $gte: request.points }) } : {}),
    },
    {
      $inc: { balance: sign * request.points, [request.kind === 'EARN' ? 'earnedTotal' : 'spentTotal']: request.points },
      $push: { appliedEntryIds: _id },
    },
    { returnDocument: 'after' },
  ).lean()) as PointsAccountDoc | null;

  if (account) return finish(models, _id, 'APPLIED', account.balance);
  const now_ = (await models.CivilityPointsAccount.findById(accountId).lean()) as PointsAccountDoc | null;
  if (now_?.appliedEntryIds.includes(_id)) return finish(models, _id, 'APPLIED', undefined); // applied by the earlier call
  await finish(models, _id, 'REJECTED', undefined);
  throw shortOfPoints(request.points);
}

async function ensureAccount(models: Models, _id: string, residentId: string) {
  try {
    await models.CivilityPointsAccount.updateOne(
      { _id },
      { $setOnInsert: { residentId, balance: 0, earnedTotal: 0, spentTotal: 0, appliedEntryIds: [] } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // two first earns at once: the other one created it
  }
}

async function finish(models: Models, _id: string, state: 'APPLIED' | 'REJECTED', balanceAfter: number | undefined): Promise<PointsEntryDoc> {
  const set = balanceAfter === undefined ? { state } : { state, balanceAfter };
  const updated = await models.CivilityPointsEntry.findOneAndUpdate({ _id, state: 'PENDING' }, { $set: set }, { returnDocument: 'after' }).lean();
  return (updated ?? (await models.CivilityPointsEntry.findById(_id).lean())) as PointsEntryDoc;
}
