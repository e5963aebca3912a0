import type { Identity } from '../identity';
import { isId } from '../ids';

const ROLE = /^[A-Z][A-Z_]{0,39}$/;
// A department, optionally qualified by its unit (`property:<companyId>`, `joint-unit:water`) for 1+3+N tasks.
const DEPARTMENT = /^[a-z][a-z-]{0,39}(:[\w-]{1,64})?$/;
const SUBJECT = /^[\w.:@-]{1,128}$/;

/**
 * Checks the shape of an identity (from a verified token or a verified header): only the fields below, each of the
 * expected form; anything else is refused rather than passed to a resolver.
 */
export function parseIdentity(value: unknown): Identity {
  const v = value as Record<string, unknown>;
  const fail = (what: string): never => {
    throw new Error(`identity: ${what}`);
  };
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail('not an object');
  if (typeof v.subject !== 'string' || !SUBJECT.test(v.subject)) fail('subject');
  if (typeof v.role !== 'string' || !ROLE.test(v.role)) fail('role');
  if (typeof v.department !== 'string' || !DEPARTMENT.test(v.department)) fail('department');
  const scope = (v.scope ?? {}) as Record<string, unknown>;
  const ids = (list: unknown, what: string): string[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list) || list.length > 1000 || !list.every(isId)) fail(what);
    return list as string[];
  };
  const identity: Identity = {
    subject: v.subject as string,
    role: v.role as string,
    department: v.department as string,
    scope: { communityIds: ids(scope.communityIds, 'scope.communityIds'), gridIds: ids(scope.gridIds, 'scope.gridIds') },
  };
  if (v.purpose !== undefined && v.purpose !== null) {
    if (typeof v.purpose !== 'string' || !ROLE.test(v.purpose)) fail('purpose');
    identity.purpose = v.purpose as string;
  }
  return identity;
}
