/**
 * Who is asking, as the gateway establishes it (issue 5 verifies tokens at the gateway and signs what it forwards).
 * A department reads it from its request context; `null` means an anonymous caller.
 */
export type DepartmentName = 'party' | 'civil-affairs' | 'employment' | 'property' | 'construction' | 'law-enforcement' | 'joint-unit';

export interface Identity {
  /** Stable id of the person or service account. */
  subject: string;
  department: DepartmentName | string;
  /** e.g. GRID_WORKER, PARTY_SECRETARY, DEPARTMENT_CLERK, PROPERTY_STAFF, AUDITOR, RESIDENT, SERVICE. */
  role: string;
  /** Communities and grids the caller covers; empty lists mean the whole department's data. */
  scope: { communityIds: string[]; gridIds: string[] };
  /** Why the data is read (PIPL purpose limitation), e.g. CASE_HANDLING, ASSISTANCE_REVIEW. */
  purpose?: string;
}

/** Header a trusted caller may set in development and tests only (see `identityFromHeader`). */
export const IDENTITY_HEADER = 'x-cg-identity';

/**
 * DEV/TEST ONLY, until the gateway verifies tokens (issue 5): when `CG_TRUST_IDENTITY_HEADER=1`, the gateway forwards
 * and each department reads the caller's identity as JSON in `x-cg-identity`. Otherwise the header is ignored and the
 * identity stays null. A malformed header is refused rather than treated as anonymous.
 */
export function identityFromHeader(value: string | undefined, env = process.env): Identity | null {
  if (env.CG_TRUST_IDENTITY_HEADER !== '1' || !value) return null;
  let parsed: any;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = null;
  }
  const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  const ids = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (!parsed || !str(parsed.subject) || !str(parsed.department) || !str(parsed.role) || !ids(parsed.scope?.communityIds) || !ids(parsed.scope?.gridIds)) {
    throw new Error(`${IDENTITY_HEADER} must be JSON {subject, department, role, scope?: {communityIds, gridIds}}`);
  }
  return {
    subject: parsed.subject, department: parsed.department, role: parsed.role,
    scope: { communityIds: parsed.scope?.communityIds ?? [], gridIds: parsed.scope?.gridIds ?? [] },
    ...(str(parsed.purpose) ? { purpose: parsed.purpose } : {}),
  };
}
