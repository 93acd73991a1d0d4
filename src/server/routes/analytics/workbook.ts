// The analytics table as an Excel workbook: for each dimension its items' names and codes
// under translated headers, then the value as a number.
import ExcelJS from 'exceljs';
import { columnLabel, type AnalyticsTable } from '../../../core/analytics/grid.ts';
import { translate, type Language } from '../../../core/i18n.ts';

export async function analyticsWorkbook(table: AnalyticsTable, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(translate('analytics.sheet', language));
  const header = table.columns.flatMap((name) => {
    const label = columnLabel(name, language);
    return [label, translate('analytics.column.code', language, { column: label })];
  });
  sheet.addRow([...header, columnLabel('value', language)]).font = { bold: true };
  for (const row of table.rows) {
    const ids = row.slice(0, -1);
    const value = row[row.length - 1]!;
    const number = Number(value);
    sheet.addRow([...ids.flatMap((id) => [table.items[id] ?? id, id]), value !== '' && Number.isFinite(number) ? number : value]);
  }
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
