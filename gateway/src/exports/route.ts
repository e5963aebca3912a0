import type { Express, Request, Response } from 'express';
import { EXPORTS, type Row, type Run, type Scope } from './sheets';
import { csvWriter, xlsxWriter } from './writers';

/**
 * `GET /exports/<name>.xlsx|.csv?community=&grid=&unit=&period=2026-11|2026|from=&to=` with the caller's Bearer token.
 * Every figure comes from GraphQL operations sent to this gateway's own /graphql with the caller's headers, so the
 * same authentication, access rules, masking, audit and rate limit apply as to any query; list exports go page by
 * page and each page is written out before the next is asked for, so an export of a county never sits in memory.
 * An error before the first byte is an HTTP status (401, 403, 400, 502) with GraphQL-style errors; one after it
 * breaks the download off, so a partial file is never mistaken for a whole one.
 */
class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ message: string; extensions?: Record<string, unknown> }>,
  ) {
    super(errors[0]?.message ?? 'export failed');
  }
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };
const bad = (message: string, field: string) => new ExportError(400, [{ message, extensions: { code: 'BAD_USER_INPUT', field } }]);
const ZONE = '+08:00'; // periods are calendar months and years in China Standard Time

/** period=YYYY-MM or YYYY (CST), or from & to (ISO 8601 with zone). */
export function periodOf(query: Record<string, unknown>): { from?: string; to?: string } {
  const period = typeof query.period === 'string' ? query.period : undefined;
  if (period) {
    const m = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(period);
    if (!m) throw bad('period must be YYYY-MM or YYYY', 'period');
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : null;
    const start = month ? `${year}-${m[2]}-01` : `${year}-01-01`;
    const endYear = month === 12 || !month ? year + 1 : year;
    const endMonth = month && month < 12 ? String(month + 1).padStart(2, '0') : '01';
    return { from: `${start}T00:00:00${ZONE}`, to: `${endYear}-${endMonth}-01T00:00:00${ZONE}` };
  }
  const from = typeof query.from === 'string' ? query.from : undefined;
  const to = typeof query.to === 'string' ? query.to : undefined;
  return { from, to };
}

function runner(req: Request): Run {
  // The address and port this request came in on: this very gateway, whatever HOST it listens on.
  const host = req.socket.localAddress ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}/graphql`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of ['authorization', 'x-purpose', 'x-request-id']) if (req.header(name)) headers[name] = req.header(name)!;
  return async (query, variables) => {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }))) as { data?: Row; errors?: ExportError['errors'] };
    if (body.errors?.length) {
      const code = String(body.errors[0]!.extensions?.code ?? '');
      throw new ExportError(STATUS[code] ?? (response.status >= 400 ? response.status : 502), body.errors);
    }
    return body.data!;
  };
}

async function handle(req: Request, res: Response): Promise<void> {
  const [, name, format] = /^([\w-]+)\.(xlsx|csv)$/.exec(String(req.params.file)) ?? [];
  const spec = name ? EXPORTS[name] : undefined;
  if (!spec || !format)
    throw new ExportError(404, [
      {
        message: `no export ${req.params.file}; one of ${Object.keys(EXPORTS)
          .map((n) => `${n}.xlsx`)
          .join(', ')}`,
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  if (format === 'csv' && spec.sheets.length > 1) throw bad(`${name} has ${spec.sheets.length} sheets: ask for .xlsx or one of its parts`, 'format');
  const q = req.query as Record<string, unknown>;
  const str = (key: string) => (typeof q[key] === 'string' && q[key] ? (q[key] as string) : undefined);
  const scope: Scope = { ...periodOf(q), communityId: str('community'), gridId: str('grid'), unitId: str('unit') };
  if (spec.needs.includes('period') && (!scope.from || !scope.to)) throw bad('give period (YYYY-MM or YYYY) or from and to', 'period');
  if (spec.needs.includes('community') && !scope.communityId) throw bad('give community', 'community');

  const run = runner(req);
  // The first page of every sheet before any byte: refusals become a status, not a broken file.
  const sheets = await Promise.all(
    spec.sheets.map(async (sheet) => {
      const pages = sheet.rows(run, scope);
      return { sheet, pages, first: await pages.next() };
    }),
  );
  const file = `${spec.title}.${format}`;
  res.status(200);
  res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('content-disposition', `attachment; filename="${name}.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`);
  res.setHeader('cache-control', 'no-store'); // may hold personal data
  const writer = format === 'csv' ? csvWriter(res) : await xlsxWriter(res);
  for (const { sheet, pages, first } of sheets) {
    await writer.sheet(sheet.title, sheet.columns);
    for (let page = first; !page.done; page = await pages.next()) await writer.rows(page.value);
  }
  await writer.end();
}

export function mountExports(app: Express): void {
  app.get('/exports/:file', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy(error as Error);
      const e = error instanceof ExportError ? error : new ExportError(502, [{ message: 'the export failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      res.status(e.status).json({ errors: e.errors });
    });
  });
}
