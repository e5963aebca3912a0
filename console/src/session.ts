/** The signed-in caller: a bearer token (from the development picker or pasted from the identity provider) and its claims. */
export interface Claims {
  sub: string;
  role: string;
  department: string;
  communityIds: string[];
  gridIds: string[];
}
export interface Session {
  token: string;
  claims: Claims;
}
export interface DevIdentity {
  key: string;
  role: string;
  department: string;
}

const KEY = 'cg-console-token';

/** The token's claims, read for display and for choosing the caller's unit; the gateway verifies the token itself. */
export function decodeClaims(token: string): Claims | null {
  const part = token.trim().split('.')[1];
  if (!part || token.trim().split('.').length !== 3) return null;
  try {
    const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Claims>;
    if (typeof raw.sub !== 'string' || typeof raw.role !== 'string') return null;
    return { sub: raw.sub, role: raw.role, department: raw.department ?? '', communityIds: raw.communityIds ?? [], gridIds: raw.gridIds ?? [] };
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  const claims = token ? decodeClaims(token) : null;
  return token && claims ? { token, claims } : null;
}

export function saveSession(token: string | null): Session | null {
  if (!token) return (sessionStorage.removeItem(KEY), null);
  const claims = decodeClaims(token);
  if (!claims) return null;
  sessionStorage.setItem(KEY, token.trim());
  return { token: token.trim(), claims };
}

/** Demo identities offered by a development gateway; null when the gateway offers none (production). */
export async function devIdentities(): Promise<DevIdentity[] | null> {
  const response = await fetch('/console/api/dev-identities').catch(() => null);
  return response?.ok ? ((await response.json()) as DevIdentity[]) : null;
}

export async function devToken(key: string): Promise<string> {
  const response = await fetch('/console/api/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
  if (!response.ok) throw new Error(`dev token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export const COMMUNITY_ROLES = ['PARTY_SECRETARY', 'GRID_WORKER'];
