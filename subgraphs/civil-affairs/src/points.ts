/**
 * Civility points (文明积分). Invariants: the balance never goes below zero, and balance = Σ earns − Σ spends of
 * the ledger. Each earn/spend appends the ledger entry with the next sequence number of the resident's ledger; a
 * unique (residentId, seq) index admits exactly one of concurrent writers per number, and a loser starts over from
 * the new balance, so a spend is decided on the balance it follows. This holds on MongoDB and on FerretDB v1, whose
 * conditional findAndModify is not atomic under concurrency (measured: 4 of 20 concurrent `balance ≥ 3` spends of 3
 * succeeded against a balance of 10). The account document caches the last entry's balance; `syncAccount` rolls it
 * forward, so a write interrupted between the entry and the account repairs itself on the next call.
 * The entry id derives from (resident, idempotencyKey): a retry finds its entry and never counts twice.
 */
import { createHash } from 'node:crypto';
import { badInput, conflict, isDuplicateKey, stableId } from '@cg/kit';
import type { Models } from './models';
import type { PointsAccountDoc, PointsEntryDoc } from './models/CivilityPoints';

export interface PointsRequest {
  residentId: string;
  /** The resident's top-level grid, stamped on the entry for statistics. */
  gridId: string;
  kind: 'EARN' | 'SPEND';
  points: number;
  activity?: string;
  spentAt?: string;
  idempotencyKey: string;
  by?: string | null;
}

const MAX_ATTEMPTS = 200;
export const pointsAccountId = (residentId: string) => stableId('civility_points_account', residentId);
export const pointsEntryId = (residentId: string, key: string) => stableId('civility_points_entry', residentId, key);
const fingerprint = (r: PointsRequest) =>
  createHash('sha256')
    .update(JSON.stringify([r.kind, r.points, r.activity ?? null, r.spentAt ?? null]))
    .digest('hex')
    .slice(0, 16);

export function requirePointsKey(key: unknown): string {
  if (typeof key !== 'string' || !/^[\w.:-]{8,128}$/.test(key)) {
    throw badInput('idempotencyKey must be 8–128 characters of letters, digits, _ . : -', { field: 'idempotencyKey' });
  }
  return key;
}

type AccountState = Pick<PointsAccountDoc, 'balance' | 'earnedTotal' | 'spentTotal' | 'seq'>;
const EMPTY: AccountState = { balance: 0, earnedTotal: 0, spentTotal: 0, seq: 0 };

/** The account as of the ledger's last entry, bringing the cached document up to date on the way. */
async function syncAccount(models: Models, residentId: string): Promise<AccountState> {
  const _id = pointsAccountId(residentId);
  let state: AccountState = ((await models.CivilityPointsAccount.findById(_id).lean()) as PointsAccountDoc | null) ?? EMPTY;
  for (;;) {
    const next = (await models.CivilityPointsEntry.findOne({ residentId, seq: state.seq + 1 })
      .lean()
      .exec()) as PointsEntryDoc | null;
    if (!next) return state;
    state = { balance: next.balanceAfter, earnedTotal: next.earnedTotalAfter, spentTotal: next.spentTotalAfter, seq: next.seq };
    try {
      // Plain $set of values fixed by the entry: applying it twice, or racing another writer, is harmless.
      await models.CivilityPointsAccount.updateOne({ _id }, { $set: { residentId, ...state } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // created concurrently; the next call sees it
    }
  }
}

/** Records one earn or spend and returns its ledger entry (the first one again on a retry). */
export async function applyPoints(models: Models, request: PointsRequest, now = new Date()): Promise<PointsEntryDoc> {
  const _id = pointsEntryId(request.residentId, request.idempotencyKey);
  const print = fingerprint(request);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = (await models.CivilityPointsEntry.findById(_id).lean()) as PointsEntryDoc | null;
    if (existing) {
      if (existing.requestFingerprint !== print) throw conflict('idempotencyKey was already used for a different request', { field: 'idempotencyKey' });
      await syncAccount(models, request.residentId);
      return existing;
    }
    const account = await syncAccount(models, request.residentId);
    const earn = request.kind === 'EARN';
    if (!earn && account.balance < request.points) {
      throw conflict(`not enough civility points: balance ${account.balance}, spend ${request.points}`, { field: 'points', reason: 'INSUFFICIENT_POINTS' });
    }
    const entry = {
      _id,
      residentId: request.residentId,
      gridId: request.gridId,
      seq: account.seq + 1,
      kind: request.kind,
      points: request.points,
      activity: request.activity,
      spentAt: request.spentAt,
      occurredAt: now.toISOString(),
      recordedBy: request.by ?? undefined,
      requestFingerprint: print,
      balanceAfter: account.balance + (earn ? request.points : -request.points),
      earnedTotalAfter: account.earnedTotal + (earn ? request.points : 0),
      spentTotalAfter: account.spentTotal + (earn ? 0 : request.points),
    };
    try {
      const created = (await models.CivilityPointsEntry.create(entry)).toObject() as PointsEntryDoc;
      await syncAccount(models, request.residentId);
      return created;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another entry took this sequence number (or a concurrent retry took our id): start over.
    }
  }
  throw conflict('the points account is too busy; try again', { field: 'residentId' });
}
