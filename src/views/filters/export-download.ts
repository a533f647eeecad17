import { strToU8, zipSync } from 'fflate';
import { DATASET_VERSION } from '../../domain/dataset';
import {
  exportFileName,
  exportRows,
  provenanceText,
  toCsv,
  toGeoJson,
  toSheetRows,
} from '../../domain/export';
import { FACETS, type Facet } from '../../domain/filter';
import { labelOf } from '../../domain/labels';
import { describeTerritory } from '../../domain/territory';
import type { MessageKey } from '../../i18n/messages';
import { selectDistanceKm, selectListStructures } from '../../state/selectors';
import type { AppStore } from '../../state/store';
import { currentShareUrl } from '../../state/url-sync';

export type ExportFormat = 'csv-semicolon' | 'csv-comma' | 'geojson' | 'xlsx';
type Translate = ((key: MessageKey, values?: Record<string, string | number>) => string) & {
  language: 'fr' | 'en';
};

/** The active filters in words ("Type : Fablab, Incubateur"), in the export's language. */
function describeSelection(store: AppStore, t: Translate): { lines: string[]; nameParts: string[] } {
  const state = store.getState();
  const dataset = state.dataset;
  if (dataset === null) return { lines: [], nameParts: [] };
  const { taxonomies, territories } = dataset;
  const name = (facet: Facet, code: string): string => {
    if (facet === 'type') return labelOf(taxonomies.types, code, t.language);
    if (facet === 'theme') return labelOf(taxonomies.themes, code, t.language);
    if (facet === 'network') return labelOf(taxonomies.networks, code, t.language);
    if (facet === 'initiative') return labelOf(taxonomies.initiativeCategories, code, t.language);
    if (facet === 'region') return territories.regions.find((entry) => entry.code === code)?.nom ?? code;
    if (facet === 'departement')
      return `${territories.departements.find((entry) => entry.code === code)?.nom ?? code} (${code})`;
    if (facet === 'epci')
      return dataset.structures.find((structure) => structure.epci === code)?.epciNom ?? code;
    return code;
  };
  const lines: string[] = [];
  const nameParts: string[] = [];
  for (const facet of FACETS) {
    const values = state.filter[facet];
    if (values.length === 0) continue;
    const names = values.map((code) => name(facet, code));
    lines.push(`${t(`facet_${facet}` as MessageKey)} : ${names.join(', ')}`);
    const [only] = values;
    if (values.length === 1 && only !== undefined && facet !== 'status')
      nameParts.push(
        facet === 'departement'
          ? (territories.departements.find((entry) => entry.code === only)?.nom ?? only)
          : (names[0] ?? ''),
      );
  }
  const territory = state.filter.territory ?? null;
  if (territory !== null) {
    const info = state.placeIndex === null ? null : describeTerritory(state.placeIndex, territory);
    const label = info?.name ?? territory.code;
    lines.push(
      `${t('territoryHeading')} : ${label} (${t(`kind_${territory.level}` as MessageKey)} ${territory.code})`,
    );
    nameParts.unshift(label);
  }
  if (state.filter.query.trim() !== '') lines.push(`${t('searchLabel')} : « ${state.filter.query.trim()} »`);
  if (state.place !== null) {
    lines.push(`${t('placeLabel')} ${state.place.label}, ${state.radiusKm} km`);
    nameParts.push(state.place.label.replace(/\s*\(.*\)$/, ''));
  }
  if (state.onlyInView) lines.push(t('onlyInView'));
  if (state.shortlistOnly) lines.push(t('shortlistExport', { count: state.shortlist.ids.length }));
  return { lines, nameParts };
}

/** The XLSX workbook (write-excel-file, which writes with fflate like the ZIP; loaded only for this format). */
async function xlsxBytes(rows: Parameters<typeof toSheetRows>[0]): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(toSheetRows(rows), { sheet: 'structures' }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Builds the export of exactly what the list holds (facets, search, place and radius, "only what the map shows"):
 * the data file and a provenance sidecar (`LISEZMOI.txt`) in one ZIP, so the data file stays clean for parsers and
 * the provenance stays readable by anyone. Loaded on demand with PapaParse and fflate.
 */
export async function buildExport(
  store: AppStore,
  format: ExportFormat,
  t: Translate,
  today: string,
  location: Pick<Location, 'origin' | 'pathname'>,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const state = store.getState();
  const structures = selectListStructures(state);
  const rows = exportRows(structures, {
    departementNames: new Map(
      state.dataset?.territories.departements.map((entry) => [entry.code, entry.nom]),
    ),
    regionNames: new Map(state.dataset?.territories.regions.map((entry) => [entry.code, entry.nom])),
    distanceOf: (id) => selectDistanceKm(state, id),
  });
  const { lines, nameParts } = describeSelection(store, t);
  const base = exportFileName(nameParts, today);
  const dataName = `${base}.${format === 'geojson' ? 'geojson' : format === 'xlsx' ? 'xlsx' : 'csv'}`;
  const shareUrl = currentShareUrl(store, location);
  /** What the GeoJSON's metadata and the LISEZMOI say alike about where the rows come from. */
  const provenance = {
    datasetVersion: DATASET_VERSION,
    sourceHash: state.dataset?.sourceHash ?? '',
    exportedOn: today,
    filters: lines,
    shareUrl,
    count: rows.length,
  };
  const data: string | Uint8Array =
    format === 'xlsx'
      ? await xlsxBytes(rows)
      : format === 'geojson'
        ? toGeoJson(rows, {
            title: 'Atlas de l’innovation ouverte',
            licence: 'Licence Ouverte / Open Licence 2.0',
            ...provenance,
          })
        : toCsv(rows, format === 'csv-comma' ? ',' : ';');
  const readme = provenanceText({
    title: 'Atlas de l’innovation ouverte — export',
    ...provenance,
    files: [dataName],
  });
  const bytes = zipSync(
    {
      [dataName]: typeof data === 'string' ? strToU8(data) : data,
      'LISEZMOI.txt': strToU8(`\uFEFF${readme}`),
    },
    { mtime: new Date(`${today}T00:00:00Z`) },
  );
  return { fileName: `${base}.zip`, bytes };
}
