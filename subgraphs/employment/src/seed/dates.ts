/** The seed's calendar: the core world's "today" and month ranges (date arithmetic itself is the kit's). */
export const TODAY = '2026-11-01';

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
