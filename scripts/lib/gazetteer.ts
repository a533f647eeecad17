import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommuneRecord, createGazetteer, type Gazetteer } from '../../src/domain/commune';
import type { Issue } from '../../src/domain/result';
import { type CsvFile, readCsv } from './read-csv';

/** Builds the gazetteer from the committed tables (`communes.csv`, `epci.csv`, `regions.csv`, `departements.csv`). */
export function loadGazetteer(files: {
  communes: CsvFile;
  epci: CsvFile;
  regions: CsvFile;
  departements: CsvFile;
}): { gazetteer: Gazetteer; issues: Issue[] } {
  const issues: Issue[] = [];
  const records: CommuneRecord[] = [];
  for (const { line, values } of files.communes.rows) {
    const latitude = values.latitude ?? '';
    const longitude = values.longitude ?? '';
    const kind = values.type;
    if (kind !== 'commune' && kind !== 'arrondissement' && kind !== 'ancienne') {
      issues.push({ line, field: 'type', message: `unknown commune type "${kind ?? ''}"` });
      continue;
    }
    records.push({
      code: values.code_insee ?? '',
      nom: values.nom ?? '',
      kind,
      parent: values.parent ? values.parent : null,
      codesPostaux: (values.codes_postaux ?? '').split(' ').filter(Boolean),
      departement: values.departement ?? '',
      region: values.region ?? '',
      epci: values.epci ? values.epci : null,
      population: values.population ? Number(values.population) : null,
      centre: latitude !== '' && longitude !== '' ? [Number(longitude), Number(latitude)] : null,
    });
  }
  const pairs = (file: CsvFile) =>
    new Map(file.rows.map(({ values }) => [values.code ?? '', values.nom ?? '']));
  return {
    gazetteer: createGazetteer(records, {
      epci: pairs(files.epci),
      regions: pairs(files.regions),
      departements: pairs(files.departements),
    }),
    issues,
  };
}

/** Reads the committed gazetteer tables of a data directory (for the import scripts). */
export function loadGazetteerFrom(dataDir: string): { gazetteer: Gazetteer; issues: Issue[] } {
  const read = (name: string) => readCsv(readFileSync(join(dataDir, name), 'utf8'), join(dataDir, name));
  return loadGazetteer({
    communes: read('communes.csv'),
    epci: read('epci.csv'),
    regions: read('regions.csv'),
    departements: read('departements.csv'),
  });
}
