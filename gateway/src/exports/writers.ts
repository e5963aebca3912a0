import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Column, Row } from './sheets';

/** Streams rows out as they come; `sheet` starts a sheet (XLSX) — CSV has one. */
export interface TableWriter {
  sheet(title: string, columns: Column[]): Promise<void>;
  rows(rows: Row[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as the local code page), CRLF lines,
 * RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled). A text cell starting with = + - @
 * is prefixed with ' so a spreadsheet does not run it as a formula (CSV injection).
 */
export function csvField(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(out: Writable): TableWriter {
  let columns: Column[] = [];
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain'); // the client reads slower than we fetch: wait, do not buffer
  };
  return {
    async sheet(_title, cols) {
      columns = cols;
      await write(`\uFEFF${cols.map((c) => csvField(c.header)).join(',')}\r\n`);
    },
    async rows(rows) {
      if (rows.length) await write(rows.map((r) => `${columns.map((c) => csvField(c.value(r))).join(',')}\r\n`).join(''));
    },
    end: async () => void out.end(),
  };
}

/**
 * XLSX through exceljs' streaming WorkbookWriter: each row is committed (written to the zip) as it comes, not kept.
 * exceljs is loaded on the first XLSX export, not when the gateway starts.
 */
export async function xlsxWriter(out: Writable): Promise<TableWriter> {
  const { default: excel } = await import('exceljs');
  // Inline strings, not a shared-string table, which would keep every distinct text of the export in memory.
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  let sheet: ExcelJS.Worksheet | undefined;
  let columns: Column[] = [];
  return {
    async sheet(title, cols) {
      sheet?.commit();
      columns = cols;
      sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = cols.map((c) => ({ header: c.header, width: c.width ?? 12 }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    async rows(rows) {
      for (const r of rows) sheet!.addRow(columns.map((c) => c.value(r))).commit();
    },
    async end() {
      sheet?.commit();
      await workbook.commit();
    },
  };
}
