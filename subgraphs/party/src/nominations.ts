/**
 * 党员奉献奖: each branch names 1–3 members a quarter. A nomination takes the first free slot 1..3; a unique index on
 * (branch, quarter, slot) makes the cap hold under concurrent nominations without a transaction.
 */
import { badInput, conflict, createOnce, isDuplicateKey } from '@cg/kit';
import type { Models } from './models';
import { MAX_NOMINATIONS_PER_QUARTER, type AwardNominationDoc } from './models/AwardNomination';

interface Nomination {
  branchId: string;
  quarter: string;
  memberId: string;
  reason: string;
  nominatedOn: string;
  createdBy?: string;
}

export async function nominate(models: Models, nomination: Nomination, idempotencyKey?: string | null): Promise<AwardNominationDoc> {
  const { branchId, quarter, memberId } = nomination;
  const input = { ...nomination, createdBy: undefined };
  const alreadyNamed = () => models.AwardNomination.exists({ branchId, quarter, memberId });
  for (let slot = 1; slot <= MAX_NOMINATIONS_PER_QUARTER; slot++) {
    try {
      return (await createOnce<AwardNominationDoc>(models.AwardNomination, { ...nomination, slot }, { idempotencyKey, caller: 'nominations', input })).doc;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Taken slot, or this member is named already (the second unique index).
      if (await alreadyNamed()) throw conflict(`member ${memberId} is already nominated by this branch for ${quarter}`, { field: 'memberId' });
    }
  }
  throw conflict(`the branch has named ${MAX_NOMINATIONS_PER_QUARTER} members for ${quarter} already`, {
    field: 'branchId',
    limit: MAX_NOMINATIONS_PER_QUARTER,
  });
}

/** The quarter (YYYY-Qn) a date falls in must be the quarter nominated for or later: no nominating in advance. */
export function checkNominationDate(quarter: string, nominatedOn: string): void {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const quarterStart = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (nominatedOn < quarterStart) throw badInput('nominatedOn must not be before the quarter begins', { field: 'nominatedOn' });
}
