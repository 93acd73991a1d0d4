// Reading the first worksheet of an XLSX survey file (as Excel, LibreOffice or ODK exports
// it) into a header and rows of cells for readSurveyTable. Numbers stay numbers, dates
// become YYYY-MM-DD, formulas give their cached result; rows are numbered as in the sheet.
import ExcelJS from 'exceljs';
import { DenwError } from '../errors.ts';
import type { SurveyTableRow } from './records.ts';

/** The cell's value as the survey reader expects it (number, text, ISO date, or ''). */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return value;
}

export async function readSurveyWorkbook(bytes: Uint8Array): Promise<{ header: string[]; rows: SurveyTableRow[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DenwError('SURVEY_XLSX_UNREADABLE', { reason: error instanceof Error ? error.message : String(error) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new DenwError('SURVEY_EMPTY_FILE');
  const width = sheet.getRow(1).cellCount;
  const header = Array.from({ length: width }, (_, i) => String(cellValue(sheet.getRow(1).getCell(i + 1).value)));
  const rows: SurveyTableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = Array.from({ length: width }, (_, i) => cellValue(row.getCell(i + 1).value));
    if (cells.every((cell) => cell === '')) return;
    rows.push({ cells, row: number });
  });
  return { header, rows };
}

/** Whether bytes are a ZIP container (an XLSX file) rather than CSV text. */
export const isXlsx = (bytes: Uint8Array) => bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
