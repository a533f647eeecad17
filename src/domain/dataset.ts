import type { Feature, FeatureCollection, Point } from 'geojson';
import * as z from 'zod/mini';
import { isInFrance } from './geo-bounds';
import { checkLinks } from './links';
import { roundCoordinate } from './placement';
import type { Issue } from './result';
import { PRECISIONS, STATUSES, STRUCTURE_TYPES, type Structure } from './types';

/** Bumped whenever the published format changes, so an app never reads a file it does not understand. */
export const DATASET_VERSION = 2;

/** What a published feature carries besides its geometry. */
export type StructureProperties = Omit<Structure, 'coordinates'> & { readonly epciNom: string | null };

export type StructureFeature = Feature<Point, StructureProperties> & { readonly id: string };

export type DatasetMetadata = {
  readonly datasetVersion: number;
  readonly generator: string;
  readonly sourceHash: string;
  readonly count: number;
};

export type StructureCollection = FeatureCollection<Point, StructureProperties> & {
  readonly metadata: DatasetMetadata;
  readonly features: StructureFeature[];
};

const PROPERTY_ORDER: readonly (keyof StructureProperties)[] = [
  'id',
  'nom',
  'type',
  'themes',
  'description',
  'adresse',
  'codePostal',
  'commune',
  'codeInsee',
  'departement',
  'region',
  'epci',
  'epciNom',
  'siteWeb',
  'reseaux',
  'siret',
  'statut',
  'source',
  'dateVerification',
  'successeur',
  'precision',
];

/**
 * Turns structures into the published GeoJSON: sorted by id, properties in a fixed order, coordinates rounded
 * to 5 decimals, so the same input always gives the same bytes.
 */
export function toFeatureCollection(
  structures: readonly (Structure & { readonly epciNom?: string | null })[],
  metadata: Omit<DatasetMetadata, 'datasetVersion' | 'count'>,
): StructureCollection {
  const sorted = [...structures].sort((left, right) =>
    left.id < right.id ? -1 : left.id > right.id ? 1 : 0,
  );
  const features = sorted.map((structure): StructureFeature => {
    const properties = Object.fromEntries(
      PROPERTY_ORDER.map((key) => [key, key === 'epciNom' ? (structure.epciNom ?? null) : structure[key]]),
    ) as StructureProperties;
    return {
      type: 'Feature',
      id: structure.id,
      geometry: {
        type: 'Point',
        coordinates: [roundCoordinate(structure.coordinates[0]), roundCoordinate(structure.coordinates[1])],
      },
      properties,
    };
  });
  return {
    type: 'FeatureCollection',
    metadata: { datasetVersion: DATASET_VERSION, count: features.length, ...metadata },
    features,
  };
}

const text = z.string();
const orEmpty = z.catch(text, '');
const propertiesSchema = z.object({
  id: z.string().check(z.minLength(1)),
  nom: z.string().check(z.minLength(1)),
  type: z.enum(STRUCTURE_TYPES),
  themes: z.array(text),
  description: orEmpty,
  adresse: orEmpty,
  codePostal: orEmpty,
  commune: orEmpty,
  codeInsee: orEmpty,
  departement: orEmpty,
  region: orEmpty,
  epci: z.catch(z.nullable(text), null),
  epciNom: z.catch(z.nullable(text), null),
  siteWeb: orEmpty,
  reseaux: z.catch(z.array(text), []),
  siret: orEmpty,
  statut: z.catch(z.enum(STATUSES), 'inconnu'),
  source: orEmpty,
  dateVerification: orEmpty,
  successeur: orEmpty,
  precision: z.catch(z.enum(PRECISIONS), 'commune'),
});

const pointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()], z.number()),
});

const featureSchema = z.object({ geometry: pointSchema, properties: propertiesSchema });

const collectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  metadata: z.optional(z.object({ datasetVersion: z.number(), sourceHash: z.optional(z.string()) })),
  features: z.array(z.unknown()),
});

export type LoadedDataset = {
  readonly structures: (Structure & { readonly epciNom: string | null })[];
  readonly issues: Issue[];
  /** The hash of the source files the build read (empty when the file does not say): exports cite it. */
  readonly sourceHash: string;
};

/**
 * Reads a published `structures.geojson` defensively (it arrives over the network). A file of another version,
 * or that is not a FeatureCollection, is one issue and no structures; a faulty feature is skipped and reported,
 * its optional fields fall back to empty values, and the rest of the dataset still loads.
 */
export function fromFeatureCollection(input: unknown): LoadedDataset {
  const collection = collectionSchema.safeParse(input);
  if (!collection.success) {
    return {
      structures: [],
      issues: [{ message: 'not a GeoJSON FeatureCollection of structures' }],
      sourceHash: '',
    };
  }
  const { metadata } = collection.data;
  if (metadata?.datasetVersion !== DATASET_VERSION) {
    return {
      structures: [],
      sourceHash: '',
      issues: [
        {
          message: `dataset version ${String(metadata?.datasetVersion)} is not the version ${DATASET_VERSION} this app reads`,
        },
      ],
    };
  }
  const structures: LoadedDataset['structures'] = [];
  const issues: Issue[] = [];
  collection.data.features.forEach((feature, index) => {
    const parsed = featureSchema.safeParse(feature);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      issues.push({
        line: index + 1,
        field: first?.path.join('.'),
        message: first?.message ?? 'invalid feature',
      });
      return;
    }
    const [lng, lat] = parsed.data.geometry.coordinates;
    if (!isInFrance([lng, lat])) {
      issues.push({ line: index + 1, field: 'geometry', message: 'coordinates outside France' });
      return;
    }
    const links = checkLinks(parsed.data.properties);
    for (const field of links.dropped)
      issues.push({
        line: index + 1,
        field,
        message: 'link ignored: only http:// and https:// links are shown',
      });
    structures.push({
      ...parsed.data.properties,
      siteWeb: links.siteWeb,
      source: links.source,
      coordinates: [lng, lat],
    });
  });
  return { structures, issues, sourceHash: metadata.sourceHash ?? '' };
}
