import type { PlaceEntry, PlaceIndex } from './places';

/** The administrative levels a territory view opens, from the largest. */
export const TERRITORY_LEVELS = ['region', 'departement', 'epci', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** A territory named by its level and its code: INSEE code (region, department, commune) or SIREN (EPCI). */
export type TerritoryRef = { readonly level: TerritoryLevel; readonly code: string };

/** The shape of each level's code, checked before a code from a link is used anywhere. */
const CODE_PATTERNS: Record<TerritoryLevel, RegExp> = {
  region: /^\d{2}$/,
  departement: /^(\d{2}|2[AB]|97\d)$/,
  epci: /^\d{9}$/,
  commune: /^(\d{5}|2[AB]\d{3})$/,
};

/** Reads `niveau:code` as written in links (`territoire=epci:242900314`); null on anything else. */
export function parseTerritory(value: string | null): TerritoryRef | null {
  if (value === null) return null;
  const separator = value.indexOf(':');
  if (separator === -1) return null;
  const level = value.slice(0, separator) as TerritoryLevel;
  const code = value.slice(separator + 1).toUpperCase();
  if (!TERRITORY_LEVELS.includes(level) || !CODE_PATTERNS[level].test(code)) return null;
  return { level, code };
}

export function formatTerritory(ref: TerritoryRef): string {
  return `${ref.level}:${ref.code}`;
}

export function sameTerritory(left: TerritoryRef | null, right: TerritoryRef | null): boolean {
  return left?.level === right?.level && left?.code === right?.code;
}

/** The department of a commune from its INSEE code: three characters overseas (971…976), two elsewhere. */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/** A territory as the app shows it: its name, its population and the larger territories it lies in. */
export type TerritoryInfo = {
  readonly ref: TerritoryRef;
  readonly name: string;
  readonly population: number;
  /** Nearest first: the intercommunality, the department, the region (those that apply and are known). */
  readonly parents: readonly TerritoryRef[];
};

/** The place index entry of a territory; an arrondissement is never a territory (its city is). */
function entryOf(index: PlaceIndex, ref: TerritoryRef): PlaceEntry | undefined {
  for (const position of index.byCode.get(ref.code) ?? []) {
    const entry = index.entries[position];
    if (entry?.kind === ref.level) return entry;
  }
  return undefined;
}

function infoOf(entry: PlaceEntry, level: TerritoryLevel): TerritoryInfo {
  const parents: TerritoryRef[] = [];
  const { epci, departement, region } = entry.parents;
  if (level === 'commune' && epci !== '') parents.push({ level: 'epci', code: epci });
  if ((level === 'commune' || level === 'epci') && departement !== '')
    parents.push({ level: 'departement', code: departement });
  if (level !== 'region' && region !== '') parents.push({ level: 'region', code: region });
  return { ref: { level, code: entry.code }, name: entry.name, population: entry.population, parents };
}

/** Looks a territory up in the place index; null when the code is unknown there. */
export function describeTerritory(index: PlaceIndex, ref: TerritoryRef): TerritoryInfo | null {
  const entry = entryOf(index, ref);
  return entry === undefined ? null : infoOf(entry, ref.level);
}

/**
 * The territories compared with one: the others of the same level in the same parent — the communes of its
 * intercommunality (of its department when it has none), the intercommunalities of its department, the
 * departments of its region, all the regions. The territory itself is included.
 */
export function peersOf(index: PlaceIndex, info: TerritoryInfo): TerritoryInfo[] {
  const level = info.ref.level;
  const parent = info.parents[0];
  const peers: TerritoryInfo[] = [];
  for (const entry of index.entries) {
    if (entry.kind !== level) continue;
    const candidate = infoOf(entry, level);
    if (parent === undefined || sameTerritory(candidate.parents[0] ?? null, parent)) peers.push(candidate);
  }
  return peers;
}
