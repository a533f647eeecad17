import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import mapshaper from 'mapshaper';
import type { CommuneRecord, Gazetteer } from '../../src/domain/commune';
import { normalizeText } from '../../src/domain/text';

/** One commune polygon of the 2018 geography as read from a france-geojson department file. */
export type SourcePolygon = {
  readonly file: string;
  readonly code: string;
  readonly nom: string;
  readonly geometry: Geometry;
};

/**
 * What became of one 2018 polygon: `kept` (it is a current commune by itself), `dissolved` (it is part of the
 * current commune `target`, together with other 2018 polygons; the chef-lieu's own polygon is `dissolved` into
 * its own code) or `unmatched` (no current commune found: it is left out, `reason` says why).
 */
export type PolygonOutcome = {
  readonly file: string;
  readonly code: string;
  readonly outcome: 'kept' | 'dissolved' | 'unmatched';
  readonly target: string;
  readonly reason: string;
};

/** A current commune that no 2018 polygon covers: it is reported, never drawn (no geometry is invented). */
export type MissingCommune = { readonly code: string; readonly nom: string; readonly departement: string };

/** An EPCI with members that have no polygon: its shape is the union of the members that have one. */
export type IncompleteEpci = { readonly code: string; readonly members: number; readonly missing: number };

/** The mapshaper simplification and output precision; the defaults are what the committed files use. */
export type SimplifyOptions = { readonly keep: string; readonly precision: number };

export const DEFAULT_SIMPLIFY: SimplifyOptions = { keep: '7%', precision: 0.0001 };

/** Reads one france-geojson department file into polygons; a feature without a code or a polygon is skipped. */
export function readSourceFile(file: string, text: string): SourcePolygon[] {
  const collection = JSON.parse(text) as FeatureCollection<Geometry | null>;
  return collection.features.flatMap((feature) => {
    const code = String(feature.properties?.code ?? '');
    const geometry = feature.geometry;
    if (
      code === '' ||
      geometry === null ||
      (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
    ) {
      return [];
    }
    return [{ file, code, nom: String(feature.properties?.nom ?? ''), geometry }];
  });
}

/**
 * Former codes that the gazetteer does not list, from `@etalab/decoupage-administratif`'s `anciensCodes`
 * (communes merged without keeping a delegated commune). Only the codes the gazetteer lacks are returned, so the
 * committed gazetteer always wins.
 */
export function formerCodesFrom(
  communes: readonly { code: string; type: string; anciensCodes?: readonly string[] }[],
  gazetteer: Gazetteer,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    for (const former of commune.anciensCodes ?? []) {
      if (!gazetteer.byCode.has(former) && former !== commune.code) result.set(former, commune.code);
    }
  }
  return result;
}

type Resolution = { target: string; reason: string } | { target: null; reason: string };

/** Follows `ancienne` and `arrondissement` links to the current commune a 2018 code belongs to today. */
function resolveCode(
  gazetteer: Gazetteer,
  formerCodes: ReadonlyMap<string, string>,
  code: string,
): Resolution {
  let record: CommuneRecord | undefined = gazetteer.byCode.get(code);
  let via = 'gazetteer';
  if (record === undefined) {
    const successor = formerCodes.get(code);
    if (successor === undefined) {
      return {
        target: null,
        reason: 'code not in the gazetteer nor among the former codes of a current commune',
      };
    }
    record = gazetteer.byCode.get(successor);
    via = `former code of ${successor} (decoupage-administratif)`;
    if (record === undefined) return { target: null, reason: `${via}, which is not in the gazetteer` };
  }
  const first = record;
  for (let hops = 0; record.kind !== 'commune' && hops < 5; hops += 1) {
    const parent: CommuneRecord | undefined =
      record.parent === null ? undefined : gazetteer.byCode.get(record.parent);
    if (parent === undefined) {
      return {
        target: null,
        reason: `${record.kind} ${record.code} has no current commune in the gazetteer`,
      };
    }
    record = parent;
  }
  if (record.kind !== 'commune')
    return { target: null, reason: `no current commune after following ${code}` };
  if (via !== 'gazetteer') return { target: record.code, reason: via };
  if (first.kind === 'commune') return { target: record.code, reason: '' };
  return { target: record.code, reason: `${first.kind} ${first.code} of ${record.code} (gazetteer)` };
}

/**
 * Gives every 2018 polygon its outcome and its current commune. A current commune made of several 2018 polygons
 * (a commune nouvelle) has all of them `dissolved` into it, its own polygon included; nothing is drawn for a
 * current commune without a polygon (`missing`).
 */
export function matchPolygons(
  polygons: readonly SourcePolygon[],
  gazetteer: Gazetteer,
  formerCodes: ReadonlyMap<string, string>,
): { outcomes: PolygonOutcome[]; targets: Map<string, SourcePolygon[]>; missing: MissingCommune[] } {
  const resolved = polygons.map((polygon) => ({
    polygon,
    resolution: resolveCode(gazetteer, formerCodes, polygon.code),
  }));
  const targets = new Map<string, SourcePolygon[]>();
  for (const { polygon, resolution } of resolved) {
    if (resolution.target === null) continue;
    targets.set(resolution.target, [...(targets.get(resolution.target) ?? []), polygon]);
  }
  const outcomes = resolved.map(({ polygon, resolution }): PolygonOutcome => {
    const base = { file: polygon.file, code: polygon.code };
    if (resolution.target === null)
      return { ...base, outcome: 'unmatched', target: '', reason: resolution.reason };
    const parts = targets.get(resolution.target)?.length ?? 0;
    const currentName = gazetteer.byCode.get(resolution.target)?.nom ?? '';
    const renamed =
      resolution.target === polygon.code && !isSameName(polygon.nom, currentName)
        ? `2018 name "${polygon.nom}", now "${currentName}"`
        : '';
    if (parts === 1 && resolution.target === polygon.code) {
      return { ...base, outcome: 'kept', target: polygon.code, reason: renamed };
    }
    const together = `merged with ${parts - 1} other 2018 polygon(s)`;
    const reason = [resolution.reason === '' ? 'chef-lieu' : resolution.reason, together, renamed]
      .filter(Boolean)
      .join(', ');
    return { ...base, outcome: 'dissolved', target: resolution.target, reason };
  });
  const missing = [...gazetteer.byCode.values()]
    .filter((record) => record.kind === 'commune' && !targets.has(record.code))
    .map((record) => ({ code: record.code, nom: record.nom, departement: record.departement }))
    .sort((a, b) => compareCodes(a.code, b.code));
  return { outcomes: sortOutcomes(outcomes), targets, missing };
}

/** france-geojson drops leading articles ("Boisse" for "La Boisse"); other differences are real renamings. */
function isSameName(a: string, b: string): boolean {
  const key = (name: string) => normalizeText(name).replace(/^(le|la|les|l) /, '');
  return key(a) === key(b);
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortOutcomes(outcomes: PolygonOutcome[]): PolygonOutcome[] {
  return outcomes.sort((a, b) => compareCodes(a.file, b.file) || compareCodes(a.code, b.code));
}

/** Current communes grouped by EPCI (SIREN), from the gazetteer's `epci` column. */
export function epciMembers(gazetteer: Gazetteer): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const record of gazetteer.byCode.values()) {
    if (record.kind !== 'commune' || record.epci === null) continue;
    members.set(record.epci, [...(members.get(record.epci) ?? []), record.code]);
  }
  for (const list of members.values()) list.sort(compareCodes);
  return members;
}

type Shape = { code: string; geometry: Geometry };

/**
 * Dissolves the 2018 polygons into current communes and those into EPCIs, then simplifies both in one mapshaper
 * run: the layers share one set of arcs, so a commune border and the EPCI border drawn on it stay identical
 * after simplification, and neighbours keep a common edge (no gaps or overlaps from simplifying each shape alone).
 */
export async function dissolveAndSimplify(
  targets: ReadonlyMap<string, readonly SourcePolygon[]>,
  gazetteer: Gazetteer,
  options: SimplifyOptions = DEFAULT_SIMPLIFY,
): Promise<{ communes: Shape[]; epci: Shape[] }> {
  const features: Feature[] = [];
  for (const code of [...targets.keys()].sort(compareCodes)) {
    const parts = [...(targets.get(code) ?? [])].sort(
      (a, b) => compareCodes(a.code, b.code) || compareCodes(a.file, b.file),
    );
    const epci = gazetteer.byCode.get(code)?.epci ?? '';
    for (const part of parts) {
      features.push({ type: 'Feature', properties: { code, epci }, geometry: part.geometry });
    }
  }
  const input = JSON.stringify({ type: 'FeatureCollection', features });
  const output = await mapshaper.applyCommands(
    [
      '-i in.json snap name=parts',
      '-dissolve code copy-fields=epci name=communes',
      '-filter "epci !== \'\'" + name=members',
      '-dissolve epci name=epci target=members',
      `-simplify ${options.keep} keep-shapes target=communes,epci`,
      `-o communes.json format=geojson precision=${options.precision} target=communes`,
      `-o epci.json format=geojson precision=${options.precision} target=epci`,
    ].join(' '),
    { 'in.json': input },
  );
  const shapes = (name: string, key: string): Shape[] =>
    (JSON.parse(String(output[name])) as FeatureCollection<Geometry | null>).features
      .filter((feature) => feature.geometry !== null)
      .map((feature) => ({
        code: String(feature.properties?.[key] ?? ''),
        geometry: feature.geometry as Geometry,
      }))
      .sort((a, b) => compareCodes(a.code, b.code));
  return { communes: shapes('communes.json', 'code'), epci: shapes('epci.json', 'epci') };
}

/**
 * Writes a FeatureCollection with one feature per line, properties `code` then `nom`, in the given order, so a
 * re-run on the same input gives the same bytes and a diff shows which shapes changed.
 */
export function toGeojsonText(
  features: readonly { code: string; nom: string; geometry: Geometry }[],
): string {
  const lines = features.map((feature) =>
    JSON.stringify({
      type: 'Feature',
      properties: { code: feature.code, nom: feature.nom },
      geometry: feature.geometry,
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The files an import writes, by path relative to the output directory, with its report and counts. */
export type BoundariesBuild = {
  readonly files: Map<string, string>;
  readonly outcomes: PolygonOutcome[];
  readonly missing: MissingCommune[];
  readonly incompleteEpci: IncompleteEpci[];
  readonly counts: {
    readonly inputPolygons: number;
    readonly communesDrawn: number;
    readonly kept: number;
    readonly dissolved: number;
    readonly unmatched: number;
    readonly missing: number;
    readonly epciDrawn: number;
    readonly epciIncomplete: number;
    readonly epciWithoutShape: number;
  };
};

/**
 * The whole import: match, dissolve, simplify, split communes by current department
 * (`communes/<dep>.geojson`) and write the EPCIs in one national file (`epci.geojson`).
 */
export async function buildBoundaries(
  polygons: readonly SourcePolygon[],
  gazetteer: Gazetteer,
  formerCodes: ReadonlyMap<string, string>,
  options: SimplifyOptions = DEFAULT_SIMPLIFY,
): Promise<BoundariesBuild> {
  const { outcomes, targets, missing } = matchPolygons(polygons, gazetteer, formerCodes);
  const shapes = await dissolveAndSimplify(targets, gazetteer, options);
  const byDepartement = new Map<string, { code: string; nom: string; geometry: Geometry }[]>();
  for (const shape of shapes.communes) {
    const record = gazetteer.byCode.get(shape.code);
    const departement = record?.departement ?? '';
    byDepartement.set(departement, [
      ...(byDepartement.get(departement) ?? []),
      { code: shape.code, nom: record?.nom ?? '', geometry: shape.geometry },
    ]);
  }
  const files = new Map<string, string>();
  for (const departement of [...byDepartement.keys()].sort(compareCodes)) {
    files.set(`communes/${departement}.geojson`, toGeojsonText(byDepartement.get(departement) ?? []));
  }
  files.set(
    'epci.geojson',
    toGeojsonText(
      shapes.epci.map((shape) => ({
        code: shape.code,
        nom: gazetteer.epciNames.get(shape.code) ?? '',
        geometry: shape.geometry,
      })),
    ),
  );
  const drawnEpci = new Set(shapes.epci.map((shape) => shape.code));
  const incompleteEpci = [...epciMembers(gazetteer)]
    .map(([code, members]) => ({
      code,
      members: members.length,
      missing: members.filter((member) => !targets.has(member)).length,
    }))
    .filter((epci) => epci.missing > 0)
    .sort((a, b) => compareCodes(a.code, b.code));
  const count = (outcome: PolygonOutcome['outcome']) =>
    outcomes.filter((entry) => entry.outcome === outcome).length;
  return {
    files,
    outcomes,
    missing,
    incompleteEpci,
    counts: {
      inputPolygons: polygons.length,
      communesDrawn: shapes.communes.length,
      kept: count('kept'),
      dissolved: count('dissolved'),
      unmatched: count('unmatched'),
      missing: missing.length,
      epciDrawn: drawnEpci.size,
      epciIncomplete: incompleteEpci.filter((epci) => drawnEpci.has(epci.code)).length,
      epciWithoutShape: incompleteEpci.filter((epci) => !drawnEpci.has(epci.code)).length,
    },
  };
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The per-polygon report (`data/import-reports/boundaries.csv`): file, code, outcome, target code, reason. */
export function outcomesCsv(outcomes: readonly PolygonOutcome[]): string {
  const rows = outcomes.map((entry) =>
    [entry.file, entry.code, entry.outcome, entry.target, entry.reason].map(csvField).join(','),
  );
  return `file,code,outcome,target,reason\n${rows.map((row) => `${row}\n`).join('')}`;
}

/** The current communes left undrawn and the EPCIs short of members (`data/import-reports/boundaries-missing.csv`). */
export function missingCsv(
  missing: readonly MissingCommune[],
  incompleteEpci: readonly IncompleteEpci[],
): string {
  const rows = [
    ...missing.map((commune) => [
      'commune',
      commune.code,
      commune.nom,
      commune.departement,
      '',
      '',
      'no 2018 polygon under this code or a former code: created or restored after 2018, not drawn',
    ]),
    ...incompleteEpci.map((epci) => [
      'epci',
      epci.code,
      '',
      '',
      String(epci.members),
      String(epci.missing),
      'drawn from the members that have a polygon',
    ]),
  ];
  return `kind,code,nom,departement,members,missing_members,reason\n${rows
    .map((row) => `${row.map(csvField).join(',')}\n`)
    .join('')}`;
}

/** Raw and gzip sizes in bytes, as a browser would download them from a server that compresses. */
export function sizeOf(text: string): { bytes: number; gzip: number } {
  const buffer = Buffer.from(text, 'utf8');
  return { bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}
