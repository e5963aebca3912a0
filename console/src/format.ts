/** Display formats shared by the screens (Beijing time, percentages with one decimal). */
export const time = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—';
export const percent = (value: number | null | undefined) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);

/** Calendar months in Beijing time, oldest first, ending with the month of `now`: [label, from, to). */
export function lastMonths(count: number, now = new Date()): Array<{ label: string; from: string; to: string }> {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const months = [];
  for (let i = count - 1; i >= 0; i--) {
    const y = beijing.getUTCFullYear();
    const m = beijing.getUTCMonth() - i;
    const start = new Date(Date.UTC(y, m, 1));
    const end = new Date(Date.UTC(y, m + 1, 1));
    const iso = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01T00:00:00+08:00`;
    months.push({ label: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`, from: iso(start), to: iso(end) });
  }
  return months;
}

/** A CSV file download of rows (first row: headers), with a BOM so spreadsheet programs read the Chinese text. */
export function downloadCsv(name: string, rows: Array<Array<string | number>>) {
  const csv = rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
