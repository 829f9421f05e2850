/** The CLI's CSV reading and writing is the SDK's (bulk read results use the same parser). */
export { csvLine, parseCsv } from '../api/files/csv';
export type { CsvRow } from '../api/files/csv';
