import type { SeedDoc as Doc } from '@cg/kit';
import { buildWorld } from '@cg/kit/testing';
import { contractOn } from '../src/contracts/contracts';
import type { PropertyServiceContractDoc } from '../src/models/PropertyServiceContract';

// Seeded contracts and fallback service are what the mutations would have left, at every scale.
jest.setTimeout(120_000);

test.each(['small', 'county'])('%s: contracts and fallback service agree with the estates, their history and each other', async (scale) => {
  const property = (await buildWorld(scale)).property!;
  const estates = new Map(property.Estate!.map((e) => [e._id, e]));
  const fallbackProviders = new Set(property.PropertyCompany!.filter((c) => c.isFallbackProvider).map((c) => c._id));
  const contracts = property.PropertyServiceContract! as unknown as PropertyServiceContractDoc[];
  const services = property.FallbackService!;
  expect(contracts.length).toBeGreaterThan(0);
  expect(services.length).toBeGreaterThan(0);

  for (const c of contracts) {
    const estate = estates.get(c.estateId)!;
    expect((estate.managementHistory as Doc[]).some((e) => e.action === 'CONTRACTED' && e.propertyCompanyId === c.propertyCompanyId && e.effectiveOn === c.startOn)).toBe(true);
    const charged = services.filter((s) => s.contractId === c._id);
    expect(charged.map((s) => s._id).sort()).toEqual([...c.chargedServiceIds].sort());
    expect(c.backChargeFen).toBe(charged.reduce((sum, s) => sum + Number(s.amountFen), 0));
    expect(charged.every((s) => s.charged === true && s.chargedOn === c.signedOn && String(s.serviceOn) < c.startOn)).toBe(true);
  }
  for (const s of services) {
    const estate = estates.get(String(s.estateId))!;
    expect(fallbackProviders.has(String(s.propertyCompanyId))).toBe(true);
    expect(String(s.serviceOn) >= String(estate.managedSince)).toBe(true);
    // Service is recorded only where no contract covers the day (先服务后收费).
    expect(
      contractOn(
        contracts.filter((c) => c.estateId === s.estateId),
        String(s.serviceOn),
      ),
    ).toBeNull();
  }
  // Every estate the fallback provider serves has service recorded; about half of them have signed since.
  const served = property.Estate!.filter((e) => fallbackProviders.has(String(e.propertyCompanyId)));
  expect(served.every((e) => services.some((s) => s.estateId === e._id))).toBe(true);
  expect(services.some((s) => !s.charged)).toBe(true);
});
