import Papa from 'papaparse';
import { INITIATIVE_COLUMNS, STRUCTURE_COLUMNS } from './columns';
import { normalizeText } from './text';
import type { Initiative, Structure } from './types';

/**
 * The columns of an export: every field of the data contract (DATA.md), then what the build derived (the INSEE
 * codes and names of the EPCI, department and region, the placement precision) and the distance to the chosen place.
 */
export const EXPORT_COLUMNS = [
  ...STRUCTURE_COLUMNS,
  'successeur',
  'epci',
  'epci_nom',
  'departement',
  'departement_nom',
  'region',
  'region_nom',
  'precision',
  'distance_km',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Readonly<Record<ExportColumn, string>>;

/** Columns written by the app as numbers; never neutralised, since a longitude may well start with "-". */
const NUMERIC_COLUMNS: ReadonlySet<ExportColumn> = new Set(['latitude', 'longitude', 'distance_km']);

/**
 * Makes a text cell inert in a spreadsheet (OWASP, CSV injection): a cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with an apostrophe, so it is shown as text and never evaluated as a formula.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type ExportContext = {
  readonly departementNames: ReadonlyMap<string, string>;
  readonly regionNames: ReadonlyMap<string, string>;
  /** Distance (km) from the chosen place, or null without one. */
  readonly distanceOf: (id: string) => number | null;
};

/** One row per structure, every value as text, in the order given. */
export function exportRows(
  structures: readonly (Structure & { readonly epciNom: string | null })[],
  context: ExportContext,
): ExportRow[] {
  return structures.map((structure) => {
    const distance = context.distanceOf(structure.id);
    return {
      id: structure.id,
      nom: structure.nom,
      type: structure.type,
      themes: structure.themes.join('|'),
      description: structure.description,
      adresse: structure.adresse,
      code_postal: structure.codePostal,
      commune: structure.commune,
      code_insee: structure.codeInsee,
      latitude: structure.coordinates[1].toFixed(5),
      longitude: structure.coordinates[0].toFixed(5),
      site_web: structure.siteWeb,
      reseaux: structure.reseaux.join('|'),
      siret: structure.siret,
      statut: structure.statut,
      source: structure.source,
      date_verification: structure.dateVerification,
      successeur: structure.successeur,
      epci: structure.epci ?? '',
      epci_nom: structure.epciNom ?? '',
      departement: structure.departement,
      departement_nom: context.departementNames.get(structure.departement) ?? '',
      region: structure.region,
      region_nom: context.regionNames.get(structure.region) ?? '',
      precision: structure.precision,
      distance_km: distance === null ? '' : distance.toFixed(2),
    };
  });
}

/**
 * CSV for spreadsheets and parsers alike: UTF-8 with a BOM (so French Excel reads accents), `;` by default (French
 * Excel's separator) or `,`, CRLF line ends, quotes where needed (PapaParse `unparse`), text cells neutralised.
 */
export function toCsv(
  rows: readonly ExportRow[],
  delimiter: ';' | ',' = ';',
  options: { readonly bom?: boolean; readonly columns?: readonly ExportColumn[] } = {},
): string {
  const columns = options.columns ?? EXPORT_COLUMNS;
  const data = rows.map((row) =>
    columns.map((column) => (NUMERIC_COLUMNS.has(column) ? row[column] : neutralizeFormula(row[column]))),
  );
  const body = Papa.unparse({ fields: [...columns], data }, { delimiter, newline: '\r\n', quotes: false });
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

/**
 * The rows of a spreadsheet (XLSX) export: the header, then one row per structure; coordinates and distances as
 * numbers, everything else as typed text cells, which no spreadsheet evaluates as formulas (so, unlike the CSV,
 * text is written exactly as it is).
 */
export function toSheetRows(rows: readonly ExportRow[]): (string | number | null)[][] {
  return [
    [...EXPORT_COLUMNS],
    ...rows.map((row) =>
      EXPORT_COLUMNS.map((column) => {
        const value = row[column];
        if (!NUMERIC_COLUMNS.has(column)) return value;
        return value === '' ? null : Number(value);
      }),
    ),
  ];
}

/** The columns of the published `structures.csv`: the export's, without the distance (no place is chosen). */
export const OPEN_DATA_COLUMNS: readonly ExportColumn[] = EXPORT_COLUMNS.filter(
  (column) => column !== 'distance_km',
);

/** The published `initiatives.csv`, written like `structures.csv` (comma, UTF-8, text cells neutralised). */
export function initiativesCsv(initiatives: readonly Initiative[]): string {
  const data = initiatives.map((initiative) =>
    [
      initiative.id,
      initiative.nom,
      initiative.structureIds.join('|'),
      initiative.categorie,
      initiative.description,
      initiative.commune,
      initiative.codeInsee,
      initiative.dateDebut,
      initiative.dateFin,
      initiative.siteWeb,
      initiative.source,
      initiative.dateVerification,
    ].map(neutralizeFormula),
  );
  return `${Papa.unparse({ fields: [...INITIATIVE_COLUMNS], data }, { delimiter: ',', newline: '\r\n' })}\r\n`;
}

/** GeoJSON of the same rows (properties are the export columns, numbers kept as numbers), with its provenance. */
export function toGeoJson(rows: readonly ExportRow[], metadata: Readonly<Record<string, unknown>>): string {
  const features = rows.map((row) => {
    const { latitude, longitude, distance_km, ...text } = row;
    return {
      type: 'Feature',
      id: row.id,
      geometry: { type: 'Point', coordinates: [Number(longitude), Number(latitude)] },
      properties: { ...text, distance_km: distance_km === '' ? null : Number(distance_km) },
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', metadata, features })}\n`;
}

/** What the provenance file says: enough to cite the export and to rebuild exactly the same selection. */
export type Provenance = {
  readonly title: string;
  readonly datasetVersion: number;
  readonly sourceHash: string;
  readonly exportedOn: string;
  readonly filters: readonly string[];
  readonly shareUrl: string;
  readonly count: number;
  readonly files: readonly string[];
};

/** The provenance sidecar (`LISEZMOI.txt` in the ZIP): plain text any user can read, next to untouched data files. */
export function provenanceText(provenance: Provenance): string {
  return [
    provenance.title,
    '',
    `Exporté le ${provenance.exportedOn} — ${provenance.count} structure(s).`,
    `Fichiers : ${provenance.files.join(', ')}.`,
    '',
    'Sélection :',
    ...(provenance.filters.length === 0
      ? ['- aucun filtre (tout le jeu de données)']
      : provenance.filters.map((line) => `- ${line}`)),
    `Lien pour retrouver cette vue : ${provenance.shareUrl}`,
    '',
    `Jeu de données : version ${provenance.datasetVersion}, empreinte des sources ${provenance.sourceHash}.`,
    'Licence : Licence Ouverte / Open Licence 2.0 (Etalab). Citer « Atlas de l’innovation ouverte » et les sources',
    'de chaque ligne (colonne source) : base des tiers-lieux CGET / ANCT, Mission Coworking 2019 ; export fablabs.io 2017 ;',
    'IGN Admin Express et code officiel géographique de l’INSEE ; pages publiques citées ligne par ligne.',
    '',
    'Colonnes : celles de data/structures.csv (voir DATA.md), puis epci, epci_nom, departement, departement_nom,',
    'region, region_nom (codes et noms INSEE / SIREN), precision (source, adresse ou commune) et distance_km (à vol',
    'd’oiseau depuis le lieu choisi, vide sans lieu). Les cellules de texte commençant par =, +, -, @ sont préfixées',
    'd’une apostrophe pour qu’un tableur ne les évalue pas.',
    '',
  ].join('\r\n');
}

/** One row of a table of figures (territory panel, choropleth): long format, one figure per row. */
export type FigureRow = {
  readonly niveau: string;
  readonly code: string;
  readonly nom: string;
  readonly population: number;
  readonly type: string;
  readonly structures: number;
  readonly pour_100000_hab: number | null;
};
export const FIGURE_COLUMNS = [
  'niveau',
  'code',
  'nom',
  'population',
  'type',
  'structures',
  'pour_100000_hab',
] as const;

/**
 * The territory panel's and the choropleth's figures as CSV, written like the structures export (PapaParse,
 * BOM, `;` by default, text cells neutralised against formula injection); an unknown rate is an empty cell.
 */
export function figuresCsv(rows: readonly FigureRow[], delimiter: ';' | ',' = ';'): string {
  const data = rows.map((row) => [
    neutralizeFormula(row.niveau),
    neutralizeFormula(row.code),
    neutralizeFormula(row.nom),
    row.population,
    neutralizeFormula(row.type),
    row.structures,
    row.pour_100000_hab ?? '',
  ]);
  const body = Papa.unparse(
    { fields: [...FIGURE_COLUMNS], data },
    { delimiter, newline: '\r\n', quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}

/** A file name that says what it holds: `structures_fablab_finistere_2026-11-29`. */
export function exportFileName(parts: readonly string[], date: string, what = 'structures'): string {
  const words = parts
    .map((part) => normalizeText(part).replace(/ /g, '-'))
    .filter((part) => part !== '')
    .slice(0, 4);
  return [what, ...words, date].join('_');
}
