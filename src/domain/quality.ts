import { z } from 'zod';
import type { OfficialMember } from './network-official-row';
import { fail, ok, type Result } from './result';
import { STATUSES, type Status, type Structure, type TaxonomyEntry } from './types';

/** Bumped whenever the format of `quality.json` changes. */
export const QUALITY_VERSION = 1;

/** How one official programme is covered: its members by the official list, and those placed in the dataset. */
export type ProgrammeCoverage = {
  readonly code: string;
  readonly labelFr: string;
  readonly labelEn: string;
  readonly official: number;
  readonly placed: number;
  readonly notPlaced: readonly { readonly nom: string; readonly raison: string }[];
};

/** A count split between curated rows (`structures.csv`) and imported ones (`imported/*.csv`). */
export type SplitCount = { readonly curated: number; readonly imported: number };

/** Filled by the duplicate detector when it runs; absent otherwise. */
export type DuplicateFigures = {
  readonly suspected: number;
  readonly merged: number;
  readonly distinct: number;
  readonly unresolved: number;
};

/**
 * The data-quality figures, computed once by the build and rendered twice: in `data/REPORT.md` and, from
 * `public/data/quality.json`, on the app's "Qualité des données" page.
 */
export type QualityReport = {
  readonly version: number;
  readonly totals: SplitCount;
  readonly programmes: readonly ProgrammeCoverage[];
  readonly statuses: readonly (SplitCount & { readonly statut: Status })[];
  /** Rows by the year of their `date_verification`, oldest first. */
  readonly evidenceYears: readonly (SplitCount & { readonly year: string })[];
  /** Rows that fill each optional field. */
  readonly completeness: readonly (SplitCount & { readonly field: string })[];
  readonly duplicates?: DuplicateFigures;
};

const COMPLETENESS_FIELDS: readonly [string, (structure: Structure) => boolean][] = [
  ['description', (structure) => structure.description !== ''],
  ['adresse', (structure) => structure.adresse !== ''],
  ['code_postal', (structure) => structure.codePostal !== ''],
  ['site_web', (structure) => structure.siteWeb !== ''],
  ['reseaux', (structure) => structure.reseaux.length > 0],
  ['siret', (structure) => structure.siret !== ''],
];

/** Every programme of the taxonomy, in its order, with its members (a programme without members counts 0). */
export function coverageOf(
  programmes: readonly TaxonomyEntry[],
  members: readonly OfficialMember[],
): ProgrammeCoverage[] {
  return programmes.map((programme) => {
    const own = members.filter((member) => member.reseau === programme.code);
    return {
      code: programme.code,
      labelFr: programme.labelFr,
      labelEn: programme.labelEn,
      official: own.length,
      placed: own.filter((member) => member.structureId !== '').length,
      notPlaced: own
        .filter((member) => member.structureId === '')
        .map((member) => ({ nom: member.nomOfficiel, raison: member.raisonAbsence }))
        .sort((left, right) => left.nom.localeCompare(right.nom, 'fr')),
    };
  });
}

/** Computes the quality figures. Deterministic: same input, same object (keys and arrays in a fixed order). */
export function computeQuality(options: {
  structures: readonly Structure[];
  curatedIds: ReadonlySet<string>;
  programmes: readonly TaxonomyEntry[];
  members: readonly OfficialMember[];
  duplicates?: DuplicateFigures;
}): QualityReport {
  const { structures, curatedIds } = options;
  const split = (keep: (structure: Structure) => boolean): SplitCount => {
    let curated = 0;
    let imported = 0;
    for (const structure of structures) {
      if (!keep(structure)) continue;
      if (curatedIds.has(structure.id)) curated += 1;
      else imported += 1;
    }
    return { curated, imported };
  };
  const years = [...new Set(structures.map((structure) => structure.dateVerification.slice(0, 4)))].sort();
  return {
    version: QUALITY_VERSION,
    totals: split(() => true),
    programmes: coverageOf(options.programmes, options.members),
    statuses: STATUSES.map((statut) => ({
      statut,
      ...split((structure) => structure.statut === statut),
    })),
    evidenceYears: years.map((year) => ({
      year,
      ...split((structure) => structure.dateVerification.startsWith(year)),
    })),
    completeness: COMPLETENESS_FIELDS.map(([field, has]) => ({ field, ...split(has) })),
    ...(options.duplicates === undefined ? {} : { duplicates: options.duplicates }),
  };
}

const count = z.number().int().nonnegative();
const splitSchema = { curated: count, imported: count };
const qualitySchema = z.object({
  version: z.literal(QUALITY_VERSION),
  totals: z.object(splitSchema),
  programmes: z.array(
    z.object({
      code: z.string(),
      labelFr: z.string(),
      labelEn: z.string(),
      official: count,
      placed: count,
      notPlaced: z.array(z.object({ nom: z.string(), raison: z.string() })),
    }),
  ),
  statuses: z.array(z.object({ statut: z.enum(STATUSES), ...splitSchema })),
  evidenceYears: z.array(z.object({ year: z.string(), ...splitSchema })),
  completeness: z.array(z.object({ field: z.string(), ...splitSchema })),
  duplicates: z.object({ suspected: count, merged: count, distinct: count, unresolved: count }).optional(),
});

/** Reads a published `quality.json` (it arrives over the network): the report, or why it cannot be read. */
export function parseQualityReport(input: unknown): Result<QualityReport> {
  const parsed = qualitySchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const version = (input as { version?: unknown } | null)?.version;
  if (version !== QUALITY_VERSION)
    return fail([{ message: `quality report version ${String(version)} is not ${QUALITY_VERSION}` }]);
  const first = parsed.error.issues[0];
  return fail([{ field: first?.path.join('.'), message: first?.message ?? 'invalid quality report' }]);
}
