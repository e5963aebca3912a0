import type { Stack } from '@cg/kit/testing';

/** A steward's patrol (物业巡查) recorded through the gateway by property staff; `select` picks what comes back. */
export async function recordPatrol(stack: Stack, input: Record<string, unknown>, select: string) {
  const { data, errors } = await stack.query(
    `mutation($input: RecordEstatePatrolInput!) { recordEstatePatrol(input: $input) { ${select} } }`,
    { input: { startTime: '08:30', ...input } },
    { as: 'property-staff' },
  );
  expect(errors).toBeUndefined();
  return data.recordEstatePatrol;
}
