/**
 * The job application lifecycle (求职申请流程): APPLIED → INTERVIEWED → OFFERED → PLACED, with REJECTED or
 * WITHDRAWN possible until placement. PLACED, REJECTED and WITHDRAWN are final.
 */
export type ApplicationStatus = 'APPLIED' | 'INTERVIEWED' | 'OFFERED' | 'PLACED' | 'REJECTED' | 'WITHDRAWN';

const NEXT: Record<ApplicationStatus, ApplicationStatus[]> = {
  APPLIED: ['INTERVIEWED', 'REJECTED', 'WITHDRAWN'],
  INTERVIEWED: ['OFFERED', 'REJECTED', 'WITHDRAWN'],
  OFFERED: ['PLACED', 'REJECTED', 'WITHDRAWN'],
  PLACED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export const ACTIVE_APPLICATION_STATUSES: ApplicationStatus[] = ['APPLIED', 'INTERVIEWED', 'OFFERED'];

export const canMove = (from: ApplicationStatus, to: ApplicationStatus) => NEXT[from].includes(to);

/** The states an application may be in for a move to `to`: the filter of the conditional update. */
export const statesBefore = (to: ApplicationStatus): ApplicationStatus[] => (Object.keys(NEXT) as ApplicationStatus[]).filter((from) => canMove(from, to));
