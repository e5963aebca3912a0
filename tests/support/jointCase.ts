import { listSubgraphs, loadTypeDefs, policyFromDocument, stableId, type Identity, type World } from '@cg/kit';
import type { Stack } from '@cg/kit/testing';

/**
 * Helpers for the joint-response e2e tests: calls through the gateway as a given identity (a token the stack's
 * gateway accepts, minted for exactly that identity), and one-line case steps.
 */
const CASE_FIELDS = `id version status category urgency dueAt overdue
  history { step from to by unit { id } note }
  tasks { unit { id } role status onTime }
  leadUnit { id } helperUnits { id }
  whistles { id reportBy calls { unit { id } reportedAt late rating } }
  inquiries { note by } deferral { reason approved } rating { score }`;

const who = (subject: string, department: string, role: string): Identity => ({ subject, department, role, scope: { communityIds: [], gridIds: [] } });
export const SECRETARY = who('secretary-1', 'party', 'PARTY_SECRETARY');
export const GRID_WORKER = who('grid-worker-1', 'civil-affairs', 'GRID_WORKER');
export const PROPERTY = who('property-staff-1', 'property:1', 'PROPERTY_STAFF');
export const LAW = who('law-clerk-1', 'law-enforcement', 'DEPARTMENT_CLERK');
export const WATER = who('water-clerk-1', 'joint-unit:water', 'DEPARTMENT_CLERK');
export const POWER = who('power-clerk-1', 'joint-unit:power', 'DEPARTMENT_CLERK');
export const resident = (id: string) => who(id, 'civil-affairs', 'RESIDENT');

const partyRules = policyFromDocument(loadTypeDefs(listSubgraphs().find((e) => e.name === 'party')!.schemaPath)).get('Mutation')!.fields;
const BY_ROLE: Record<string, Identity> = { GRID_WORKER, PARTY_SECRETARY: SECRETARY, PROPERTY_STAFF: PROPERTY, DEPARTMENT_CLERK: LAW };
/**
 * A caller the step's SDL rule lets through (the first role it names; `reporterId` for a resident's step): the case's
 * status is checked before who leads or reports, so such a caller sees an illegal step as ILLEGAL_TRANSITION.
 */
export function allowedBy(step: string, reporterId: string): Identity {
  const roles = partyRules.get(step)!.roles!;
  const role = roles.find((r) => BY_ROLE[r]);
  return role ? BY_ROLE[role]! : resident(reporterId);
}

export const UNITS = {
  law: stableId('response-unit', 'law-enforcement'),
  water: stableId('response-unit', 'joint-unit:water'),
  power: stableId('response-unit', 'joint-unit:power'),
  community: stableId('response-unit', 'community'),
  property: stableId('response-unit', `property:${stableId('company', '张北县鑫源物业服务有限公司')}`),
};

export interface CaseView {
  id: string;
  version: number;
  status: string;
  history: Array<{ step: string; from: string | null; to: string; by: string | null; unit: { id: string } | null; note: string | null }>;
  tasks: Array<{ unit: { id: string }; role: string; status: string; onTime: boolean }>;
  [field: string]: any;
}

/** A GraphQL literal for a value (strings, numbers, booleans, arrays of them). */
const lit = (v: unknown): string => (Array.isArray(v) ? `[${v.map(lit).join(',')}]` : typeof v === 'string' ? JSON.stringify(v) : String(v));

export function caseClient(stack: Stack) {
  async function as<T = any>(identity: Identity | null, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }> {
    if (!identity) return stack.query<T>(query, variables, { as: null });
    return stack.query<T>(query, variables, { token: await stack.token('party-secretary', identity) });
  }
  /** Runs step `name` on `c` (its id and version unless `args` override them); the raw answer. */
  async function step(identity: Identity | null, name: string, c: { id: string; version: number }, args: Record<string, unknown> = {}) {
    const all = { id: c.id, expectedVersion: c.version, ...args };
    const list = Object.entries(all)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${lit(v)}`)
      .join(', ');
    const { data, errors } = await as<Record<string, CaseView>>(identity, `mutation { ${name}(${list}) { ${CASE_FIELDS} } }`);
    return { kase: data?.[name] ?? null, errors };
  }
  /** Like `step`, but fails the test on any error. */
  async function ok(identity: Identity | null, name: string, c: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<CaseView> {
    const { kase, errors } = await step(identity, name, c, args);
    if (errors) throw new Error(`${name}: ${JSON.stringify(errors)}`);
    return kase!;
  }
  async function submit(identity: Identity | null, input: Record<string, unknown>): Promise<CaseView> {
    const { data, errors } = await as(identity, `mutation($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { ${CASE_FIELDS} } }`, { input });
    if (errors) throw new Error(`submit: ${JSON.stringify(errors)}`);
    return data.submitJointCase;
  }
  async function get(id: string): Promise<CaseView> {
    const { data, errors } = await as(SECRETARY, `query($id: ID!) { jointCase(id: $id) { ${CASE_FIELDS} } }`, { id });
    if (errors) throw new Error(JSON.stringify(errors));
    return data.jointCase;
  }
  return { as, step, ok, submit, get };
}

/** A head of household of the demo world and the dwelling they live in. */
export function reporterOf(world: World, fileNumber = 'YHM0101000') {
  const residentId = stableId('resident', fileNumber, 0);
  const r = world['civil-affairs']!.Resident!.find((d) => d._id === residentId)!;
  const household = world['civil-affairs']!.Household!.find((h) => h._id === r.householdId)!;
  return { residentId, unitId: household.unitId as string, gridId: r.gridId as string };
}
