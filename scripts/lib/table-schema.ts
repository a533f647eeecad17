import Papa from 'papaparse';
import type { Issue } from '../../src/domain/result';

export type TableSchemaField = {
  readonly name: string;
  readonly type: 'string' | 'number';
  readonly constraints?: {
    readonly required?: boolean;
    readonly unique?: boolean;
    readonly enum?: readonly string[];
    readonly pattern?: string;
    readonly minimum?: number;
    readonly maximum?: number;
  };
};

export type TableSchema = {
  readonly fields: readonly TableSchemaField[];
  readonly missingValues?: readonly string[];
};

/**
 * Checks a CSV against the subset of Table Schema (schema.data.gouv.fr's format) that `data/schema.json` uses:
 * the header, and per field `required`, `unique`, `enum`, `pattern` (whole value), `number` with `minimum`/`maximum`.
 * Missing values (`""`) skip every constraint but `required`. Every problem is reported with its line and field.
 */
export function validateAgainstSchema(text: string, schema: TableSchema, file: string): Issue[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const issues: Issue[] = parsed.errors.map((error) => ({
    file,
    line: (error.row ?? 0) + 1,
    message: `CSV syntax: ${error.message}`,
  }));
  const [header = [], ...rows] = parsed.data;
  const names = schema.fields.map((field) => field.name);
  if (header.join(',') !== names.join(','))
    issues.push({
      file,
      line: 1,
      message: `header ${header.join(',')} is not the schema's ${names.join(',')}`,
    });
  const missing = new Set(schema.missingValues ?? ['']);
  const seen = new Map<string, Set<string>>();
  rows.forEach((row, index) => {
    const line = index + 2;
    schema.fields.forEach((field, column) => {
      const value = row[column] ?? '';
      const constraints = field.constraints ?? {};
      const fail = (message: string) => issues.push({ file, line, field: field.name, message });
      if (missing.has(value)) {
        if (constraints.required) fail('required value is missing');
        return;
      }
      if (field.type === 'number') {
        const number = Number(value);
        if (!Number.isFinite(number)) fail(`"${value}" is not a number`);
        else if (constraints.minimum !== undefined && number < constraints.minimum)
          fail(`${value} < ${constraints.minimum}`);
        else if (constraints.maximum !== undefined && number > constraints.maximum)
          fail(`${value} > ${constraints.maximum}`);
      }
      if (constraints.enum !== undefined && !constraints.enum.includes(value))
        fail(`"${value}" is not one of ${constraints.enum.join(', ')}`);
      if (constraints.pattern !== undefined && !new RegExp(`^(?:${constraints.pattern})$`).test(value))
        fail(`"${value.slice(0, 60)}" does not match ${constraints.pattern}`);
      if (constraints.unique) {
        const values = seen.get(field.name) ?? new Set<string>();
        if (values.has(value)) fail(`"${value}" is not unique`);
        values.add(value);
        seen.set(field.name, values);
      }
    });
  });
  return issues;
}
