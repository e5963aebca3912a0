/**
 * Property's service contracts (物业服务合同) and fallback service (兜底服务, 先服务后收费, 001/002) in the seeded world,
 * as the mutations would leave them: a regular company's estate under contract since it came; the fallback
 * provider's estates with a month of service recorded for every month it served, charged to the contract where
 * one was signed (that contract's CONTRACTED entry appended to the estate's history), uncharged elsewhere.
 * Nothing random: what exists follows from the estates, so it grows with the scale as the estates do.
 */
import { addDays, stableId, type SeedDoc as Doc } from '@cg/kit';

const RECORDED_AT = '2026-11-01T00:00:00.000Z';
/** The last month the seeded world has service for (the world's "today" is 2026-11-01). */
const LAST_MONTH = '2026-10';
/** Seeded contracts run ten years. */
const YEARS = 10;
const WORK = ['楼道清扫、垃圾清运', '公共照明维修', '绿化养护', '门岗值守'];

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  return months;
}
const history = (estate: Doc) => estate.managementHistory as Array<Record<string, unknown>>;

export function seedContracts(estates: Doc[], companies: Doc[]): { PropertyServiceContract: Doc[]; FallbackService: Doc[] } {
  const isFallback = new Set(companies.filter((c) => c.isFallbackProvider).map((c) => c._id));
  const PropertyServiceContract: Doc[] = [];
  const FallbackService: Doc[] = [];
  const contract = (estate: Doc, companyId: string, signedOn: string, startOn: string, monthlyFeeFen: number, charged: Doc[]) => {
    const doc = {
      _id: stableId('contract', estate._id, startOn),
      estateId: estate._id,
      propertyCompanyId: companyId,
      signedOn,
      startOn,
      endOn: addDays(`${Number(startOn.slice(0, 4)) + YEARS}${startOn.slice(4)}`, -1),
      monthlyFeeFen,
      backChargeFen: charged.reduce((sum, s) => sum + Number(s.amountFen), 0),
      chargedServiceIds: charged.map((s) => s._id),
      recordedAt: RECORDED_AT,
    };
    for (const s of charged) Object.assign(s, { charged: true, contractId: doc._id, chargedOn: signedOn });
    PropertyServiceContract.push(doc);
    return doc;
  };

  let takenOver = 0;
  for (const estate of estates) {
    const companyId = estate.propertyCompanyId as string | undefined;
    if (!companyId || !estate.managedSince) continue;
    const since = String(estate.managedSince);
    if (!isFallback.has(companyId)) {
      contract(estate, companyId, since, since, 1_500_000, []);
      continue;
    }
    // 兜底: a month of service for every month served; every other estate signs after two years, charging them all.
    const signs = takenOver++ % 2 === 0;
    const signedOn = `${Number(since.slice(0, 4)) + 2}-01-01`;
    const months = monthsFrom(since.slice(0, 7), signs ? `${Number(signedOn.slice(0, 4)) - 1}-12` : LAST_MONTH);
    const services = months.map((month, i) => ({
      _id: stableId('fallback-service', estate._id, month),
      estateId: estate._id,
      propertyCompanyId: companyId,
      serviceOn: `${month}-28`,
      description: WORK[i % WORK.length]!,
      amountFen: 800_000,
      charged: false,
      recordedAt: RECORDED_AT,
    }));
    FallbackService.push(...services);
    if (signs) {
      contract(estate, companyId, signedOn, signedOn, 900_000, services);
      history(estate).push({ action: 'CONTRACTED', propertyCompanyId: companyId, effectiveOn: signedOn, note: '签订物业服务合同', recordedAt: RECORDED_AT });
    }
  }
  return { PropertyServiceContract, FallbackService };
}
