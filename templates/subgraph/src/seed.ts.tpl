import { fakerZH_CN as faker } from '@faker-js/faker';
import { stableId, type ExtendWorld } from '@cg/kit';

/** Demo __Entity__ records: one for every tenth resident, deterministic so that seeding twice changes nothing. */
export const extendWorld: ExtendWorld = (world) => {
  faker.seed(__seed__);
  const residents = world['civil-affairs']?.Resident ?? [];
  const __Entity__ = residents
    .filter((_, i) => i % 10 === 0)
    .map((resident) => ({
      _id: stableId('__collection__', resident._id),
      residentId: resident._id,
      summary: faker.lorem.sentence(),
      occurredOn: faker.date.between({ from: '2024-01-01', to: '2024-12-31' }).toISOString().slice(0, 10),
    }));
  return { __Entity__ };
};
