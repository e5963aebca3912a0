import { fakerZH_CN as faker } from '@faker-js/faker';
import { ageOn, stableId, type SeedDoc as Doc } from '@cg/kit';
import { MAX_AMOUNT_FEN } from '../inputs';
import { months, TODAY } from './dates';

type PostSpec = { kind: string; title: string; yuan: [number, number] };
const POSTS: Array<{ weight: number; value: PostSpec }> = [
  { weight: 30, value: { kind: 'SECURITY_PATROL', title: '治安巡逻员', yuan: [1200, 1500] } },
  { weight: 35, value: { kind: 'CLEANER', title: '保洁员', yuan: [1000, 1300] } },
  { weight: 20, value: { kind: 'BUILDING_LEAD', title: '楼栋长', yuan: [800, 1000] } },
  { weight: 10, value: { kind: 'GREENING', title: '绿化养护员', yuan: [1000, 1300] } },
  { weight: 5, value: { kind: 'ELDER_CARE_AIDE', title: '助老员', yuan: [1100, 1400] } },
];
const FIRST_PERIOD = '2025-11';
const LAST_PERIOD = '2026-10';
/** ZB: 384 public-welfare posts for 8,711 households. */
const POSTS_PER_HOUSEHOLD = 384 / 8711;

/**
 * Per community: its welfare fund (公益基金池), posts (公益岗位) held by working-age residents, and a year of ledger
 * entries (monthly factory rent share, quarterly greenhouse rents and solar dividends; monthly pay for every held
 * post), booked in date order so the balance never goes negative and the fund's totals equal the ledger's.
 */
export function seedWelfare(communities: Doc[], households: Doc[], residents: Doc[]) {
  const funds: Doc[] = [];
  const posts: Doc[] = [];
  const entries: Doc[] = [];
  const communityOf = new Map(households.map((h) => [h._id, h.communityId as string]));
  for (const community of communities) {
    const fundId = stableId('welfare-fund', community._id);
    const homes = households.filter((h) => h.communityId === community._id).length;
    const candidates = residents.filter(
      (r) => communityOf.get(r.householdId as string) === community._id && ageOn(r.birthDate as string, TODAY) >= 30 && ageOn(r.birthDate as string, TODAY) < 65,
    );
    const count = Math.min(candidates.length, Math.max(3, Math.round(homes * POSTS_PER_HOUSEHOLD)));
    const holders = faker.helpers.arrayElements(candidates, count);
    const own: Doc[] = holders.map((holder, i) => {
      const spec = faker.helpers.weightedArrayElement(POSTS);
      const vacant = faker.number.float() < 0.05;
      return {
        _id: stableId('welfare-post', fundId, i),
        fundId,
        title: `${spec.title}${String(i + 1).padStart(3, '0')}号`,
        kind: spec.kind,
        monthlyPayFen: faker.number.int({ min: spec.yuan[0] / 10, max: spec.yuan[1] / 10 }) * 1000,
        status: vacant ? 'VACANT' : 'HELD',
        ...(vacant ? {} : { holderResidentId: holder._id, holderSince: faker.date.between({ from: '2025-01-01', to: '2026-06-30' }).toISOString().slice(0, 10) }),
      };
    });
    posts.push(...own);

    const payroll = own.filter((p) => p.status === 'HELD').reduce((sum, p) => sum + (p.monthlyPayFen as number), 0);
    const booked: Doc[] = [];
    const income = (source: string, period: string, day: string, amountFen: number) => {
      // Split so that no entry exceeds what one mutation may book.
      for (let part = 0; amountFen > 0; part++) {
        const amount = Math.min(amountFen, MAX_AMOUNT_FEN);
        amountFen -= amount;
        const _id = stableId('fund-entry', fundId, source, period, part);
        booked.push({ _id, fundId, kind: 'INCOME', source, amountFen: amount, occurredOn: `${period}-${day}`, dedupeKey: `income:${_id}` });
      }
    };
    for (const [m, period] of months(FIRST_PERIOD, LAST_PERIOD).entries()) {
      income('FACTORY_RENT_SHARE', period, '05', Math.round(payroll * 0.45));
      if (m % 3 === 0) income('GREENHOUSE_RENT', period, '10', Math.round(payroll * 0.75));
      if (m % 3 === 1) income('SOLAR_DIVIDEND', period, '15', Math.round(payroll * 1.2));
      for (const post of own) {
        if (post.status !== 'HELD' || (post.holderSince as string).slice(0, 7) > period) continue;
        booked.push({
          _id: stableId('fund-entry', post._id, period),
          fundId,
          kind: 'PAYMENT',
          amountFen: post.monthlyPayFen,
          postId: post._id,
          payeeResidentId: post.holderResidentId,
          period,
          occurredOn: `${period}-25`,
          dedupeKey: `pay:${post._id}:${period}`,
        });
      }
    }
    booked.sort((a, b) => (a.occurredOn as string).localeCompare(b.occurredOn as string) || a._id.localeCompare(b._id));
    let balance = 0;
    let incomeTotal = 0;
    let paymentTotal = 0;
    for (const entry of booked) {
      const amount = entry.amountFen as number;
      if (entry.kind === 'PAYMENT' && balance < amount) continue; // what the fund cannot cover is not paid
      balance += entry.kind === 'INCOME' ? amount : -amount;
      if (entry.kind === 'INCOME') incomeTotal += amount;
      else paymentTotal += amount;
      entries.push({ ...entry, state: 'APPLIED', balanceAfterFen: balance });
    }
    funds.push({
      _id: fundId,
      name: `${community.name}公益基金池`,
      communityId: community._id,
      balanceFen: balance,
      incomeTotalFen: incomeTotal,
      paymentTotalFen: paymentTotal,
      pendingEntryIds: [],
    });
  }
  return { funds, posts, entries };
}
