/** Longitude first, as in GeoJSON and MapLibre. */
export type LngLat = readonly [lng: number, lat: number];

export const STRUCTURE_TYPES = [
  'accelerateur',
  'incubateur',
  'pepiniere',
  'technopole',
  'pole-competitivite',
  'fablab',
  'living-lab',
  'tiers-lieu',
  'hub',
  'satt',
  'autre',
] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

export const STATUSES = ['actif', 'ferme', 'inconnu'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * How a structure's coordinates were obtained, from most to least precise:
 * given by the source row, found in the geocode cache at street level, or the centre of its commune.
 */
export const PRECISIONS = ['source', 'adresse', 'commune'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A code of one of the taxonomies in `data/*.csv` with its labels. */
export type TaxonomyEntry = {
  readonly code: string;
  readonly labelFr: string;
  readonly labelEn: string;
  readonly descriptionFr: string;
  /** Only types have a colour and an icon name. */
  readonly color?: string;
  readonly icon?: string;
  /** Only themes have a kind: the territorial themes of the 2020 survey, or sector themes. */
  readonly kind?: 'territorial' | 'sector';
};

export type Taxonomies = {
  readonly types: readonly TaxonomyEntry[];
  readonly themes: readonly TaxonomyEntry[];
  readonly networks: readonly TaxonomyEntry[];
  readonly initiativeCategories: readonly TaxonomyEntry[];
};

/** Administrative place of a structure, resolved from the commune gazetteer. */
export type Territory = {
  readonly codeInsee: string;
  readonly commune: string;
  readonly departement: string;
  readonly region: string;
  readonly epci: string | null;
  readonly population: number | null;
};

/** A row of `data/structures.csv` once validated, before it is placed on the map. */
export type StructureInput = {
  readonly id: string;
  readonly nom: string;
  readonly type: StructureType;
  readonly themes: readonly string[];
  readonly description: string;
  readonly adresse: string;
  readonly codePostal: string;
  readonly commune: string;
  readonly codeInsee: string;
  readonly coordinates: LngLat | null;
  readonly siteWeb: string;
  readonly reseaux: readonly string[];
  readonly siret: string;
  readonly statut: Status;
  readonly source: string;
  readonly dateVerification: string;
  /** Id of the structure a closed one merged into or was renamed as; empty when none. */
  readonly successeur: string;
};

/** A structure as published in `structures.geojson` and used by the app. */
export type Structure = {
  readonly id: string;
  readonly nom: string;
  readonly type: StructureType;
  readonly themes: readonly string[];
  readonly description: string;
  readonly adresse: string;
  readonly codePostal: string;
  readonly commune: string;
  readonly codeInsee: string;
  readonly departement: string;
  readonly region: string;
  readonly epci: string | null;
  readonly siteWeb: string;
  readonly reseaux: readonly string[];
  readonly siret: string;
  readonly statut: Status;
  readonly source: string;
  readonly dateVerification: string;
  /** Id of the structure a closed one merged into or was renamed as; empty when none. */
  readonly successeur: string;
  readonly coordinates: LngLat;
  readonly precision: Precision;
};

export type InitiativeInput = {
  readonly id: string;
  readonly nom: string;
  readonly structureIds: readonly string[];
  readonly categorie: string;
  readonly description: string;
  readonly commune: string;
  readonly codeInsee: string;
  readonly dateDebut: string;
  readonly dateFin: string;
  readonly siteWeb: string;
  readonly source: string;
  readonly dateVerification: string;
};

/** An initiative as published in `initiatives.json`: placed at its commune when no structure ran it. */
export type Initiative = InitiativeInput & {
  readonly departement: string | null;
  readonly region: string | null;
  /** Where to draw a network-wide initiative that no structure ran; null when it is national and unlocated. */
  readonly coordinates: LngLat | null;
};
