import Papa from 'papaparse';
import { STRUCTURE_COLUMNS } from '../../src/domain/structure-row';

export type StructureCsvRow = Record<(typeof STRUCTURE_COLUMNS)[number], string>;

/** Writes structure rows in the column order of DATA.md, sorted by id, with a trailing newline. */
export function writeStructureCsv(rows: readonly StructureCsvRow[]): string {
  const sorted = [...rows].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  const data = sorted.map((row) => STRUCTURE_COLUMNS.map((column) => row[column]));
  return `${Papa.unparse({ fields: [...STRUCTURE_COLUMNS], data }, { newline: '\n' })}\n`;
}
