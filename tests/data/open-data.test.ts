import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../scripts/lib/build';
import { renderOutputs } from '../../scripts/lib/pipeline';
import { type TableSchema, validateAgainstSchema } from '../../scripts/lib/table-schema';

const schema = JSON.parse(readFileSync('data/schema.json', 'utf8')) as TableSchema;
let outputs: Record<string, string>;
beforeAll(async () => {
  const built = await buildDataset('data');
  outputs = renderOutputs({
    structures: built.structures,
    initiatives: built.initiatives,
    taxonomies: built.taxonomies,
    gazetteer: built.gazetteer,
    sourceHash: built.sourceHash,
  });
}, 60_000);

describe('the published open data', () => {
  it('structures.csv holds every published structure and follows data/schema.json (Table Schema)', () => {
    const csv = outputs['structures.csv'] ?? '';
    const geojson = JSON.parse(outputs['structures.geojson'] ?? '{}') as { features: unknown[] };
    expect(csv.trim().split('\r\n')).toHaveLength(geojson.features.length + 1);
    expect(validateAgainstSchema(csv, schema, 'structures.csv')).toEqual([]);
    expect(outputs['initiatives.csv']?.split('\r\n')[0]).toBe(
      'id,nom,structure_ids,categorie,description,commune,code_insee,date_debut,date_fin,site_web,source,date_verification',
    );
  });

  it('the schema check catches a bad row, with its line and field', () => {
    const names = schema.fields.map((field) => field.name);
    const good = (outputs['structures.csv'] ?? '').split('\r\n').slice(0, 2);
    const bad = (good[1] ?? '').replace(/^([^,]+),/, 'Bad Id,').replace(',accelerateur,', ',robot,');
    const issues = validateAgainstSchema(
      [names.join(','), good[1], bad, good[1]].join('\r\n'),
      schema,
      'x.csv',
    );
    expect(issues.map((issue) => `${issue.line} ${issue.field}`)).toEqual(['3 id', '3 type', '4 id']);
  });
});
