import { type Gazetteer, type ResolvedCommune, resolveCommune } from '../../src/domain/commune';
import type { RawRow } from '../../src/domain/fields';
import { distanceKm } from '../../src/domain/geo';
import { isInFrance } from '../../src/domain/geo-bounds';
import { indexPostcodes, type PostcodeIndex, postcodeMismatch } from '../../src/domain/postcode';
import { normalizeText } from '../../src/domain/text';
import type { LngLat } from '../../src/domain/types';
import { hostOf } from './collections';
import type { StructureCsvRow } from './structure-csv';

/** What became of one input row: every row of every imported source gets exactly one outcome. */
export type ImportOutcome = {
  readonly source: 'cget-2019' | 'fablabs-io-2017';
  readonly sourceId: string;
  readonly outcome: 'imported' | 'merged' | 'rejected';
  /** The structure id it became or was merged into; empty when rejected. */
  readonly id: string;
  readonly detail: string;
};

export const CGET_SOURCE = 'https://github.com/anct-carto/mission_coworking';
export const CGET_RELEASE = '2019';
export const FABLABS_RELEASE = '2017-04';
const FABLABS_DATASET =
  'https://github.com/python-bonobo/bonobo | bonobo/examples/datasets/fablabs.txt (export fablabs.io, 2017)';

/** Coordinates further than this from the commune centre are dropped: the source geocoder probably missed. */
export const MAX_DISTANCE_FROM_COMMUNE_KM = 20;
/** CGET geocoding scores below this are not trusted at street level. */
export const MIN_CGET_GEOCODE_SCORE = 0.5;

const SOCIAL_HOSTS = [
  'facebook.com',
  'twitter.com',
  'flickr.com',
  'instagram.com',
  'linkedin.com',
  'youtube.com',
  'meetup.com',
  'fablabs.io',
];

/** Adds a missing scheme (`www.x.fr` → `http://www.x.fr`) and rejects anything that is still not a web URL. */
export function normalizeWebsite(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (!url.hostname.includes('.') || /\s/.test(trimmed)) return '';
    return withScheme;
  } catch {
    return '';
  }
}

function formatCoordinate(value: number): string {
  return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Keeps source coordinates only when they are plausible: inside France and within
 * MAX_DISTANCE_FROM_COMMUNE_KM of the commune centre. Otherwise the structure is placed at its commune.
 */
function plausibleCoordinates(
  point: LngLat | null,
  commune: ResolvedCommune,
): { point: LngLat | null; note: string } {
  if (point === null) return { point: null, note: '' };
  if (!isInFrance(point)) return { point: null, note: 'coordinates outside France dropped' };
  if (commune.centre !== null) {
    const distance = distanceKm(point, commune.centre);
    if (distance > MAX_DISTANCE_FROM_COMMUNE_KM) {
      return { point: null, note: `coordinates ${distance.toFixed(0)} km from the commune dropped` };
    }
  }
  return { point, note: '' };
}

/** Spelling variants of a commune name met in the sources: "ST GEORGES" → "Saint Georges", "Havre (Le)" → "Le Havre". */
export function communeNameVariants(name: string): string[] {
  const trimmed = name.trim();
  if (trimmed === '' || /^\d+$/.test(trimmed)) return [];
  const expanded = trimmed
    .replace(/^(.*)\s*\((le|la|les|l')\)$/i, '$2 $1')
    .replace(/\bste\b\.?/gi, 'Sainte')
    .replace(/\bst\b\.?/gi, 'Saint')
    .replace(/\s+/g, ' ')
    .trim();
  const variants = [trimmed, expanded];
  if (!/^(le|la|les|l')\s/i.test(expanded))
    variants.push(`Le ${expanded}`, `La ${expanded}`, `Les ${expanded}`, `L'${expanded}`);
  return [...new Set(variants)];
}

/** The current commune of a name within a department, when exactly one has that name there. */
function resolveInDepartement(
  gazetteer: Gazetteer,
  name: string,
  departement: string,
): ResolvedCommune | null {
  for (const variant of communeNameVariants(name)) {
    const matches = (gazetteer.byName.get(normalizeText(variant)) ?? []).filter(
      (record) => record.departement === departement,
    );
    const codes = new Set(
      matches.map((record) => (record.kind === 'ancienne' ? record.parent : record.code)),
    );
    const [code] = [...codes];
    if (codes.size === 1 && code !== undefined && code !== null) {
      const result = resolveCommune(gazetteer, { commune: '', codePostal: '', codeInsee: code });
      if (result.ok) return result.value;
    }
  }
  return null;
}

/** The commune a postcode designates when all the communes it serves are one commune (or its arrondissements). */
function resolveByPostcode(gazetteer: Gazetteer, codePostal: string): ResolvedCommune | null {
  if (codePostal === '') return null;
  const communes = new Set(
    [...gazetteer.byCode.values()]
      .filter((record) => record.kind !== 'ancienne' && record.codesPostaux.includes(codePostal))
      .map((record) => (record.kind === 'arrondissement' ? record.parent : record.code)),
  );
  const [code] = [...communes];
  if (communes.size !== 1 || code === undefined || code === null) return null;
  const result = resolveCommune(gazetteer, { commune: '', codePostal, codeInsee: code });
  return result.ok ? result.value : null;
}

/** Paris, the only commune of department 75. */
function parisOf(gazetteer: Gazetteer): ResolvedCommune | null {
  const result = resolveCommune(gazetteer, { commune: '', codePostal: '', codeInsee: '75056' });
  return result.ok ? result.value : null;
}

/**
 * Resolves a source's commune, most reliable first: INSEE code; name + postcode (with spelling variants);
 * name within the source's department; name alone when unique in France; postcode alone when it serves one commune.
 * Returns null rather than guess between several communes.
 */
function resolveFromSource(
  gazetteer: Gazetteer,
  source: { names: string[]; codePostal: string; codeInsee: string; departement: string },
): ResolvedCommune | null {
  const attempts: { commune: string; codePostal: string; codeInsee: string }[] = [];
  if (source.codeInsee !== '') {
    for (const name of source.names)
      attempts.push({ commune: name, codePostal: source.codePostal, codeInsee: source.codeInsee });
    attempts.push({ commune: '', codePostal: source.codePostal, codeInsee: source.codeInsee });
  }
  const variants = source.names.flatMap(communeNameVariants);
  if (source.codePostal !== '')
    for (const name of variants)
      attempts.push({ commune: name, codePostal: source.codePostal, codeInsee: '' });
  for (const attempt of attempts) {
    const result = resolveCommune(gazetteer, attempt);
    if (result.ok) return result.value;
  }
  if (source.departement !== '') {
    for (const name of source.names) {
      const found = resolveInDepartement(gazetteer, name, source.departement);
      if (found !== null) return found;
    }
  }
  for (const name of variants) {
    const result = resolveCommune(gazetteer, { commune: name, codePostal: '', codeInsee: '' });
    if (result.ok) return result.value;
  }
  return resolveByPostcode(gazetteer, source.codePostal);
}

/**
 * The source's postcode when it is one of the resolved commune's postcodes (or a Cedex code of its department);
 * otherwise an empty postcode and a note for the import report, since `npm run data` rejects a mismatch.
 */
function checkedPostcode(
  gazetteer: Gazetteer,
  index: PostcodeIndex,
  postcode: string,
  commune: ResolvedCommune,
): { postcode: string; note: string } {
  const mismatch = postcodeMismatch(gazetteer, index, postcode, commune.codeInsee);
  return mismatch === null ? { postcode, note: '' } : { postcode: '', note: `postcode blanked: ${mismatch}` };
}

export type ImportedRow = {
  row: StructureCsvRow;
  source: ImportOutcome['source'];
  sourceId: string;
  note: string;
};

/** Converts the CGET / Mission Coworking base (2019): one row per tiers-lieu, `tl-cget-<ID>`. */
export function importCget(
  rows: readonly { line: number; values: RawRow }[],
  gazetteer: Gazetteer,
): { rows: ImportedRow[]; outcomes: ImportOutcome[] } {
  const imported: ImportedRow[] = [];
  const outcomes: ImportOutcome[] = [];
  const postcodes = indexPostcodes(gazetteer);
  for (const { line, values } of rows) {
    const value = (column: string) => (values[column] ?? '').trim();
    const sourceId = value('ID');
    const reject = (detail: string) =>
      outcomes.push({
        source: 'cget-2019',
        sourceId: sourceId || `line ${line}`,
        outcome: 'rejected',
        id: '',
        detail,
      });
    if (!/^\d+$/.test(sourceId)) {
      reject(`line ${line}: no numeric ID`);
      continue;
    }
    if (value('NOM_TL') === '') {
      reject('no name');
      continue;
    }
    const postcode = /^\d{5}$/.test(value('CP')) ? value('CP') : '';
    const insee = value('INSEECOM') === '0' ? '' : value('INSEECOM');
    const commune =
      resolveFromSource(gazetteer, {
        names: [value('NOMCOM'), value('COMINIT')].filter(Boolean),
        codePostal: postcode,
        codeInsee: insee,
        departement: value('INSEEDEP'),
      }) ?? (value('INSEEDEP') === '75' ? parisOf(gazetteer) : null);
    if (commune === null) {
      const named = value('COMINIT') || value('NOMCOM');
      reject(
        named === ''
          ? `no commune given (only coordinates and department ${value('INSEEDEP')}); without commune boundaries the commune cannot be told`
          : `commune "${named}" (postcode ${value('CP')}, INSEE ${value('INSEECOM')}) not found in the French gazetteer`,
      );
      continue;
    }
    const latitude = Number(value('LAT'));
    const longitude = Number(value('LONG'));
    const score = Number(value('PRECISION'));
    const given: LngLat | null =
      Number.isFinite(latitude) && Number.isFinite(longitude) && value('LAT') !== ''
        ? [longitude, latitude]
        : null;
    const trusted =
      given !== null && (!Number.isFinite(score) || score >= MIN_CGET_GEOCODE_SCORE || score > 1)
        ? given
        : null;
    const { point, note } = plausibleCoordinates(trusted, commune);
    const checked = checkedPostcode(gazetteer, postcodes, postcode, commune);
    const isFablab = value('TYPO') === 'Tiers lieux à dominante fablab';
    const typology =
      value('TYPO') === ''
        ? 'sans typologie'
        : value('TYPO').replace('Tiers lieux', 'tiers-lieu').toLowerCase();
    imported.push({
      source: 'cget-2019',
      sourceId,
      note: [
        given !== null && trusted === null ? `geocoding score ${score} too low: placed at the commune` : '',
        note,
        checked.note,
      ]
        .filter(Boolean)
        .join('; '),
      row: {
        id: `tl-cget-${sourceId}`,
        nom: value('NOM_TL'),
        type: isFablab ? 'fablab' : 'tiers-lieu',
        themes: isFablab ? 'numerique|industrie' : 'numerique',
        description: `Lieu recensé en 2019 par la mission Coworking du CGET (typologie : ${typology}).`,
        adresse: value('ADRESSE'),
        code_postal: checked.postcode,
        commune: commune.commune,
        code_insee: commune.codeInsee,
        latitude: point === null ? '' : formatCoordinate(point[1]),
        longitude: point === null ? '' : formatCoordinate(point[0]),
        site_web: normalizeWebsite(value('WEB')),
        reseaux: '',
        siret: '',
        statut: 'inconnu',
        source: `${CGET_SOURCE} | CGET_TiersLieux_2019.csv ID ${sourceId}`,
        date_verification: CGET_RELEASE,
      },
    });
  }
  return { rows: imported, outcomes };
}

export type FablabRecord = {
  name?: string;
  url?: string;
  city?: string;
  postal_code?: string | number | null;
  address_1?: string;
  latitude?: number;
  longitude?: number;
  links?: string[];
  kind_name?: string;
  capabilities?: string;
};

const KIND_LABELS: Record<string, string> = {
  fab_lab: 'fab lab',
  mini_fab_lab: 'mini fab lab',
  supernode: 'supernode (fab lab de référence)',
};

/** Converts the 2017 fablabs.io export of French labs: `fablab-io-<slug of its fablabs.io page>`. */
export function importFablabs(
  labs: readonly FablabRecord[],
  gazetteer: Gazetteer,
): { rows: ImportedRow[]; outcomes: ImportOutcome[] } {
  const imported: ImportedRow[] = [];
  const outcomes: ImportOutcome[] = [];
  const postcodes = indexPostcodes(gazetteer);
  labs.forEach((lab, index) => {
    const slug =
      (lab.url ?? '')
        .split('/')
        .pop()
        ?.toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') ?? '';
    const sourceId = slug || `#${index + 1}`;
    const reject = (detail: string) =>
      outcomes.push({ source: 'fablabs-io-2017', sourceId, outcome: 'rejected', id: '', detail });
    if (slug === '' || !lab.name) {
      reject('no fablabs.io page or no name');
      return;
    }
    const postcode = /^\d{5}$/.test(String(lab.postal_code ?? '')) ? String(lab.postal_code) : '';
    const commune = resolveFromSource(gazetteer, {
      names: [lab.city ?? ''],
      codePostal: postcode,
      codeInsee: '',
      departement: '',
    });
    if (commune === null) {
      reject(
        `commune "${lab.city ?? ''}" with postcode "${lab.postal_code ?? ''}" not found in the French gazetteer`,
      );
      return;
    }
    const given: LngLat | null =
      typeof lab.latitude === 'number' && typeof lab.longitude === 'number'
        ? [lab.longitude, lab.latitude]
        : null;
    const { point, note } = plausibleCoordinates(given, commune);
    const checked = checkedPostcode(gazetteer, postcodes, postcode, commune);
    const website =
      (lab.links ?? [])
        .map(normalizeWebsite)
        .find((link) => link !== '' && !SOCIAL_HOSTS.some((host) => hostOf(link).endsWith(host))) ?? '';
    const capabilities = (lab.capabilities ?? '').split(';').filter(Boolean);
    imported.push({
      source: 'fablabs-io-2017',
      sourceId,
      note: [note, checked.note].filter(Boolean).join('; '),
      row: {
        id: `fablab-io-${slug}`,
        nom: lab.name.trim(),
        type: 'fablab',
        themes: 'numerique|industrie',
        description: `Atelier référencé sur fablabs.io en 2017 comme ${KIND_LABELS[lab.kind_name ?? ''] ?? 'fab lab'}${capabilities.length > 0 ? `, équipé pour ${capabilities.length} type(s) de fabrication déclaré(s)` : ''}.`,
        adresse: (lab.address_1 ?? '').trim(),
        code_postal: checked.postcode,
        commune: commune.commune,
        code_insee: commune.codeInsee,
        latitude: point === null ? '' : formatCoordinate(point[1]),
        longitude: point === null ? '' : formatCoordinate(point[0]),
        site_web: website,
        reseaux: 'fablabs-io',
        siret: '',
        statut: 'inconnu',
        source: `${lab.url} | ${FABLABS_DATASET}`,
        date_verification: FABLABS_RELEASE,
      },
    });
  });
  return { rows: imported, outcomes };
}

const STOPWORDS = new Set([
  'le',
  'la',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
  'et',
  'en',
  'the',
  'a',
  'au',
  'aux',
  'france',
]);
const GENERIC_WORDS = new Set([
  'fablab',
  'fab',
  'lab',
  'labs',
  'labfab',
  'fabnlab',
  'mini',
  'tiers',
  'lieu',
  'lieux',
  'coworking',
  'cowork',
  'association',
  'asso',
  'atelier',
  'ateliers',
  'fabrique',
  'numerique',
  'espace',
  'maison',
  'campus',
  'makerspace',
  'hackerspace',
  'club',
  'eco',
  'petit',
  'petite',
  'grand',
  'grande',
  'nouveau',
  'nouvelle',
  'bonne',
  'space',
  'spaces',
  'hub',
  'centre',
  'center',
  'ville',
]);

/** Name words that tell a place apart: not articles, not words every lab has, not the commune's own name. */
function distinctiveTokens(name: string, commune: string): { all: string[]; distinctive: string[] } {
  const communeWords = new Set(normalizeText(commune).split(' '));
  const all = normalizeText(name)
    .split(' ')
    .filter((token) => token !== '' && !STOPWORDS.has(token) && !communeWords.has(token));
  return { all, distinctive: all.filter((token) => !GENERIC_WORDS.has(token)) };
}

/**
 * Whether two names in the same commune designate the same place: the distinctive words of one are all among
 * those of the other ("MDesign" / "Eco FabLab MDesign"), or, when neither has any, all their words are the same.
 */
export function namesDesignateSamePlace(left: string, right: string, commune: string): boolean {
  const a = distinctiveTokens(left, commune);
  const b = distinctiveTokens(right, commune);
  if (a.distinctive.length > 0 && b.distinctive.length > 0) {
    const [small, large] =
      a.distinctive.length <= b.distinctive.length
        ? [a.distinctive, b.distinctive]
        : [b.distinctive, a.distinctive];
    return small.every((token) => large.includes(token));
  }
  if (a.distinctive.length > 0 || b.distinctive.length > 0) return false;
  return a.all.length > 0 && [...a.all].sort().join(' ') === [...b.all].sort().join(' ');
}

/** Hosts shared by many unrelated sites, which say nothing about two rows being the same place. */
const SHARED_HOSTS = [
  'sites.google.com',
  'google.com',
  'wixsite.com',
  'over-blog.com',
  'free.fr',
  'orange.fr',
  'wanadoo.fr',
];

function sameCommune(left: StructureCsvRow, right: StructureCsvRow, gazetteer: Gazetteer): boolean {
  const parent = (code: string) => gazetteer.byCode.get(code)?.parent ?? code;
  return left.code_insee === right.code_insee || parent(left.code_insee) === parent(right.code_insee);
}

/**
 * Finds the CGET row describing the same lab as a fablabs.io row: in the same commune, with the same website
 * host or names that designate the same place. Returns the reason, for the report.
 */
export function findDuplicate(
  lab: StructureCsvRow,
  candidates: readonly StructureCsvRow[],
  gazetteer: Gazetteer,
): { row: StructureCsvRow; reason: string } | null {
  const labHost = hostOf(lab.site_web);
  const usableHost =
    labHost !== '' &&
    !SHARED_HOSTS.some((host) => labHost === host || (labHost.endsWith(`.${host}`) && host !== 'google.com'));
  const inCommune = candidates.filter((candidate) => sameCommune(lab, candidate, gazetteer));
  const byHost = usableHost
    ? inCommune.find((candidate) => hostOf(candidate.site_web) === labHost)
    : undefined;
  if (byHost !== undefined) return { row: byHost, reason: `same commune and website ${labHost}` };
  const byName = inCommune.find((candidate) => namesDesignateSamePlace(lab.nom, candidate.nom, lab.commune));
  return byName === undefined
    ? null
    : { row: byName, reason: 'same commune and same distinctive name words' };
}

function mergeRow(base: StructureCsvRow, extra: StructureCsvRow): StructureCsvRow {
  const fill = (column: keyof StructureCsvRow) => (base[column] !== '' ? base[column] : extra[column]);
  const union = (column: 'themes' | 'reseaux') =>
    [...new Set([...base[column].split('|'), ...extra[column].split('|')].filter(Boolean))].join('|');
  const coordinatesFrom = base.latitude !== '' ? base : extra;
  return {
    ...base,
    type: base.type === 'fablab' || extra.type === 'fablab' ? 'fablab' : base.type,
    themes: union('themes'),
    reseaux: union('reseaux'),
    description: `${base.description} Aussi référencé sur fablabs.io (2017).`,
    adresse: fill('adresse'),
    code_postal: fill('code_postal'),
    latitude: coordinatesFrom.latitude,
    longitude: coordinatesFrom.longitude,
    site_web: fill('site_web'),
    source: `${base.source} | ${extra.source}`,
  };
}

/**
 * Imports both datasets and merges labs present in both into the CGET row (the newer source), which then carries
 * both sources. Returns the rows and one outcome per input row.
 */
export function importTiersLieux(
  cgetRows: readonly { line: number; values: RawRow }[],
  labs: readonly FablabRecord[],
  gazetteer: Gazetteer,
): { rows: StructureCsvRow[]; outcomes: ImportOutcome[] } {
  const cget = importCget(cgetRows, gazetteer);
  const fablabs = importFablabs(labs, gazetteer);
  const outcomes: ImportOutcome[] = [...cget.outcomes, ...fablabs.outcomes];
  const merged = new Map(cget.rows.map(({ row }) => [row.id, row]));
  const mergedInto = new Map<string, string[]>();
  const standalone: StructureCsvRow[] = [];
  const claimed = new Set<string>();
  for (const lab of fablabs.rows) {
    const candidates = [...merged.values()].filter((row) => !claimed.has(row.id));
    const duplicate = findDuplicate(lab.row, candidates, gazetteer);
    if (duplicate === null) {
      standalone.push(lab.row);
      outcomes.push({
        source: lab.source,
        sourceId: lab.sourceId,
        outcome: 'imported',
        id: lab.row.id,
        detail: lab.note,
      });
      continue;
    }
    claimed.add(duplicate.row.id);
    merged.set(duplicate.row.id, mergeRow(duplicate.row, lab.row));
    mergedInto.set(duplicate.row.id, [...(mergedInto.get(duplicate.row.id) ?? []), lab.row.id]);
    outcomes.push({
      source: lab.source,
      sourceId: lab.sourceId,
      outcome: 'merged',
      id: duplicate.row.id,
      detail: `${duplicate.reason} (${lab.row.nom} = ${duplicate.row.nom})`,
    });
  }
  for (const entry of cget.rows) {
    const partners = mergedInto.get(entry.row.id);
    const detail = [partners ? `merged with ${partners.join(', ')}` : '', entry.note]
      .filter(Boolean)
      .join('; ');
    outcomes.push({
      source: entry.source,
      sourceId: entry.sourceId,
      outcome: 'imported',
      id: entry.row.id,
      detail,
    });
  }
  outcomes.sort((left, right) =>
    left.source === right.source
      ? left.sourceId.localeCompare(right.sourceId, 'en', { numeric: true })
      : left.source.localeCompare(right.source),
  );
  return { rows: [...merged.values(), ...standalone], outcomes };
}
