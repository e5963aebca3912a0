/** Date arithmetic on YYYY-MM-DD strings for the seed (UTC, so the same everywhere). */
export const TODAY = '2026-11-01';

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const maxDate = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));
export const ageOn = (birthDate: string, on = TODAY) =>
  Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);

/** Months `from`..`to` inclusive, as YYYY-MM. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (`${y}-${String(m).padStart(2, '0')}` <= to) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
