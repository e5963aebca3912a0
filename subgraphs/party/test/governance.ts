import { stableId, type Identity, type World } from '@cg/kit';
import type { Stack } from '@cg/kit/testing';

/** Identities and calls shared by the escalation and joint-meeting e2e tests (three-level link, 三级联动). */
const who = (subject: string, department: string, role: string, communityIds: string[] = []): Identity => ({ subject, department, role, scope: { communityIds, gridIds: [] } });

export function actors(world: World) {
  const communityId = world['civil-affairs']!.Community![0]!._id;
  const wcId = world.party!.PartyOrganization!.find((o) => o.level === 'WORKING_COMMITTEE')!._id;
  return {
    communityId,
    wcId,
    community: who('sec-community', 'party', 'PARTY_SECRETARY', [communityId]),
    otherCommunity: who('sec-elsewhere', 'party', 'PARTY_SECRETARY', [stableId('community', 'elsewhere')]),
    workingCommittee: who('sec-working-committee', `party:${wcId}`, 'PARTY_SECRETARY'),
    county: who('sec-county', 'party:county', 'PARTY_SECRETARY'),
    gridWorker: who('grid-worker-1', 'civil-affairs', 'GRID_WORKER'),
    resident: who(world['civil-affairs']!.Resident![0]!._id, 'civil-affairs', 'RESIDENT'),
    unit: (department: string) => who(`clerk-${department.replace(':', '-')}`, department, 'DEPARTMENT_CLERK'),
  };
}

export const UNIT = {
  naturalResources: stableId('response-unit', 'county:natural-resources'),
  health: stableId('response-unit', 'county:health'),
  education: stableId('response-unit', 'county:education'),
  community: stableId('response-unit', 'community'),
};

export function client(stack: Stack) {
  async function call(identity: Identity | null, query: string, variables?: Record<string, unknown>) {
    return identity ? stack.query(query, variables, { token: await stack.token('party-secretary', identity) }) : stack.query(query, variables, { as: null });
  }
  return {
    call,
    /** The data, failing the test on any error. */
    async ok(identity: Identity, query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await call(identity, query, variables);
      if (errors) throw new Error(JSON.stringify(errors));
      return data;
    },
    /** Expects a typed error (code, and field/reason when given) and no data. */
    async fails(identity: Identity | null, query: string, variables: Record<string, unknown>, code: string, details: Record<string, unknown> = {}) {
      const { data, errors } = await call(identity, query, variables);
      expect(data ?? null).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code, ...details });
    },
  };
}

/** The calendar year in China now (the measures count by it). */
export const chinaYear = (iso: string | number = Date.now()) => new Date(new Date(iso).getTime() + 8 * 3_600_000).getUTCFullYear();
export const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
