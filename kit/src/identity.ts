/**
 * Who is asking, as the gateway establishes it (it verifies the token and signs what it forwards, so departments never parse tokens).
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
