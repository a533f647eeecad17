import Papa from 'papaparse';
import type { Issue } from '../../src/domain/result';
import type { CsvFile } from './read-csv';

export type PackageCommune = {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
  commune?: string;
};

export type PackageEpci = { code: string; nom: string; type: string; membres: { code: string }[] };

type Row = {
  code_insee: string;
  nom: string;
  type: 'commune' | 'arrondissement' | 'ancienne';
  parent: string;
  codes_postaux: string;
  departement: string;
  region: string;
  epci: string;
  population: string;
  latitude: string;
  longitude: string;
};

const COLUMNS: (keyof Row)[] = [
  'code_insee',
  'nom',
  'type',
  'parent',
  'codes_postaux',
  'departement',
  'region',
  'epci',
  'population',
  'latitude',
  'longitude',
];

function toCsv<T extends object>(columns: (keyof T)[], rows: T[]): string {
  return `${Papa.unparse({ fields: columns as string[], data: rows.map((row) => columns.map((column) => row[column])) }, { newline: '\n' })}\n`;
}

function fixed(value: string): string {
  const number = Number(value);
  return value === '' || !Number.isFinite(number) ? '' : number.toFixed(5);
}

/**
 * Joins the COG (current codes) with the 2022 centres and returns the gazetteer files, an account of every
 * input row (kept, mapped to a current commune, or left out and why) and issues for rows that cannot be used.
 * Only metropolitan France and the five overseas regions are kept (the atlas covers the 18 regions).
 */
export function buildCommuneTables(input: {
  communes: PackageCommune[];
  epci: PackageEpci[];
  regions: { code: string; nom: string; zone: string }[];
  departements: { code: string; nom: string; region: string; zone: string }[];
  centres: CsvFile;
}): { files: Record<string, string>; issues: Issue[]; report: string[] } {
  const issues: Issue[] = [];
  const inScope = (zone: string) => zone === 'metro' || zone === 'drom';
  const epciOf = new Map<string, string>();
  for (const epci of input.epci) for (const member of epci.membres) epciOf.set(member.code, epci.code);

  const centres = new Map<
    string,
    { latitude: string; longitude: string; zips: string; name: string; line: number }
  >();
  for (const { line, values } of input.centres.rows) {
    const code = values.REF_INSEE ?? '';
    centres.set(code, {
      latitude: fixed(values.LATITUDE ?? ''),
      longitude: fixed(values.LONGITUDE ?? ''),
      zips: (values.ZIP_CODES ?? '')
        .split(',')
        .map((zip) => zip.trim())
        .filter(Boolean)
        .join(' '),
      name: values.NAME ?? '',
      line,
    });
  }

  const current = input.communes.filter(
    (commune) => commune.type !== 'commune-deleguee' && commune.type !== 'commune-associee',
  );
  const currentCodes = new Set(current.map((commune) => commune.code));
  const rows: Row[] = [];
  const counts = { commune: 0, arrondissement: 0, ancienne: 0, centreFromDelegated: 0, noCentre: 0 };

  const delegatedCentre = (code: string) => {
    const delegated = input.communes
      .filter((commune) => commune.chefLieu === code && commune.type !== 'commune-actuelle')
      .map((commune) => centres.get(commune.code))
      .find((centre) => centre !== undefined && centre.latitude !== '');
    return delegated;
  };

  for (const commune of current) {
    if (!inScope(commune.zone)) continue;
    let centre = centres.get(commune.code);
    if (centre === undefined || centre.latitude === '') {
      centre = delegatedCentre(commune.code);
      if (centre !== undefined) counts.centreFromDelegated += 1;
    }
    if (centre === undefined) {
      counts.noCentre += 1;
      issues.push({ message: `${commune.code} ${commune.nom}: no centre coordinates in the 2022 table` });
    }
    const kind = commune.type === 'arrondissement-municipal' ? 'arrondissement' : 'commune';
    counts[kind] += 1;
    const parent = kind === 'arrondissement' ? (commune.commune ?? '') : '';
    rows.push({
      code_insee: commune.code,
      nom: commune.nom,
      type: kind,
      parent,
      codes_postaux: (commune.codesPostaux ?? []).join(' '),
      departement: commune.departement,
      region: commune.region,
      epci: epciOf.get(commune.code) ?? epciOf.get(parent) ?? '',
      population: commune.population === undefined ? '' : String(commune.population),
      latitude: centre?.latitude ?? '',
      longitude: centre?.longitude ?? '',
    });
  }

  const former = input.communes.filter(
    (commune) => commune.type === 'commune-deleguee' || commune.type === 'commune-associee',
  );
  for (const commune of former) {
    if (!inScope(commune.zone) || commune.chefLieu === undefined) continue;
    const centre = centres.get(commune.code);
    counts.ancienne += 1;
    rows.push({
      code_insee: commune.code,
      nom: commune.nom,
      type: 'ancienne',
      parent: commune.chefLieu,
      codes_postaux: centre?.zips ?? '',
      departement: commune.departement,
      region: commune.region,
      epci: '',
      population: '',
      latitude: centre?.latitude ?? '',
      longitude: centre?.longitude ?? '',
    });
  }

  const known = new Set(input.communes.map((commune) => commune.code));
  const unmatched = [...centres.entries()].filter(([code]) => !known.has(code));
  for (const [code, centre] of unmatched) {
    issues.push({
      line: centre.line,
      message: `${code} ${centre.name}: code absent from the current COG and not a delegated commune; left out`,
    });
  }

  rows.sort((left, right) =>
    left.code_insee === right.code_insee
      ? left.type.localeCompare(right.type)
      : left.code_insee.localeCompare(right.code_insee),
  );
  const regions = input.regions
    .filter((region) => inScope(region.zone))
    .sort((a, b) => a.code.localeCompare(b.code));
  const departements = input.departements
    .filter((departement) => inScope(departement.zone))
    .sort((a, b) => a.code.localeCompare(b.code));
  const epcis = input.epci
    .filter((epci) => epci.membres.some((member) => currentCodes.has(member.code)))
    .map(({ code, nom, type }) => ({ code, nom, type }))
    .sort((a, b) => a.code.localeCompare(b.code));

  const report = [
    `centres table: ${input.centres.rows.length} rows; ${input.centres.rows.length - unmatched.length} matched a current or delegated code, ${unmatched.length} left out (absent from the COG)`,
    `gazetteer: ${counts.commune} communes, ${counts.arrondissement} municipal arrondissements, ${counts.ancienne} former/delegated communes`,
    `centres: ${counts.centreFromDelegated} communes take the centre of a delegated commune, ${counts.noCentre} have none`,
    `${regions.length} regions, ${departements.length} departements, ${epcis.length} EPCI`,
  ];
  return {
    files: {
      'communes.csv': toCsv(COLUMNS, rows),
      'regions.csv': toCsv(['code', 'nom'], regions),
      'departements.csv': toCsv(['code', 'nom', 'region'], departements),
      'epci.csv': toCsv(['code', 'nom', 'type'], epcis),
    },
    issues,
    report,
  };
}
