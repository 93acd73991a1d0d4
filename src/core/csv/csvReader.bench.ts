// Throughput of the CSV reader on DHIS2 dataValueSet-shaped rows (11 columns), unquoted and
// fully quoted (DHIS2 exports quote every field), fed in 64 KiB chunks like an HTTP body.
// Run: npx tsx src/core/csv/csvReader.bench.ts [rows]
import { CsvReader } from './csvReader.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const header = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';
const row = (i: number) => [`DE${i % 60}`, `2024${String((i % 12) + 1).padStart(2, '0')}`, `ML0${i % 9}01`, 'default', 'default', String(i % 1000), 'admin', '2024-05-01', '', 'false', 'false'];

function measure(label: string, line: (i: number) => string): void {
  const text = [header, ...Array.from({ length: rows }, (_, i) => line(i))].join('\r\n') + '\r\n';
  const chunkSize = 64 * 1024;
  for (let round = 0; round < 3; round++) {
    const reader = new CsvReader();
    let count = 0;
    const started = performance.now();
    for (let at = 0; at < text.length; at += chunkSize) count += reader.push(text.slice(at, at + chunkSize)).length;
    count += reader.end().length;
    const seconds = (performance.now() - started) / 1000;
    console.log(`${label}: ${count} records, ${(text.length / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s = ${Math.round(count / seconds).toLocaleString('en')} records/s`);
  }
}

measure('unquoted', (i) => row(i).join(','));
measure('quoted  ', (i) => row(i).map((f) => `"${f}"`).join(','));
