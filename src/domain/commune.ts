import { departementsOfPostcode } from './postcode';
import { fail, type Issue, ok, type Result } from './result';
import { normalizeText } from './text';
import type { LngLat, Territory } from './types';

/**
 * One row of the commune gazetteer (`data/communes.csv`).
 * `kind` is `commune` for a current commune, `arrondissement` for a municipal arrondissement of Paris, Lyon
 * or Marseille (its `parent` is the commune), and `ancienne` for a former or delegated commune whose code is
 * still met in older datasets (its `parent` is the current commune that absorbed it).
 */
export type CommuneRecord = {
  readonly code: string;
  readonly nom: string;
  readonly kind: 'commune' | 'arrondissement' | 'ancienne';
  readonly parent: string | null;
  readonly codesPostaux: readonly string[];
  readonly departement: string;
  readonly region: string;
  readonly epci: string | null;
  readonly population: number | null;
  readonly centre: LngLat | null;
};

export type Gazetteer = {
  readonly byCode: ReadonlyMap<string, CommuneRecord>;
  readonly byName: ReadonlyMap<string, readonly CommuneRecord[]>;
  /** Municipal arrondissements by the code of their commune (Paris, Lyon, Marseille). */
  readonly arrondissements: ReadonlyMap<string, readonly CommuneRecord[]>;
  readonly epciNames: ReadonlyMap<string, string>;
  readonly regionNames: ReadonlyMap<string, string>;
  readonly departementNames: ReadonlyMap<string, string>;
};

export function createGazetteer(
  records: readonly CommuneRecord[],
  names: {
    epci?: ReadonlyMap<string, string>;
    regions?: ReadonlyMap<string, string>;
    departements?: ReadonlyMap<string, string>;
  } = {},
): Gazetteer {
  const byCode = new Map<string, CommuneRecord>();
  const byName = new Map<string, CommuneRecord[]>();
  const arrondissements = new Map<string, CommuneRecord[]>();
  for (const record of records) {
    if (record.kind !== 'ancienne' || !byCode.has(record.code)) byCode.set(record.code, record);
    if (record.kind === 'arrondissement' && record.parent !== null) {
      arrondissements.set(record.parent, [...(arrondissements.get(record.parent) ?? []), record]);
    }
    const key = normalizeText(record.nom);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [record]);
    else list.push(record);
  }
  return {
    byCode,
    byName,
    arrondissements,
    epciNames: names.epci ?? new Map(),
    regionNames: names.regions ?? new Map(),
    departementNames: names.departements ?? new Map(),
  };
}

/** A commune resolved for a structure, with the point to fall back on when nothing more precise is known. */
export type ResolvedCommune = Territory & { readonly centre: LngLat | null; readonly epciNom: string | null };

/** Follows `ancienne` links to the current commune; arrondissements are kept (they are finer than the commune). */
function current(gazetteer: Gazetteer, record: CommuneRecord): CommuneRecord {
  let result = record;
  for (let hops = 0; result.kind === 'ancienne' && result.parent !== null && hops < 5; hops += 1) {
    const parent = gazetteer.byCode.get(result.parent);
    if (parent === undefined) break;
    result = parent;
  }
  return result;
}

function toResolved(gazetteer: Gazetteer, record: CommuneRecord): ResolvedCommune {
  const parent =
    record.kind === 'arrondissement' && record.parent !== null
      ? gazetteer.byCode.get(record.parent)
      : undefined;
  return {
    codeInsee: record.code,
    commune: parent?.nom ?? record.nom,
    departement: record.departement,
    region: record.region,
    epci: record.epci,
    epciNom: record.epci === null ? null : (gazetteer.epciNames.get(record.epci) ?? null),
    population: record.population,
    centre: record.centre,
  };
}

/** Whether a name designates this commune: its own name, its parent's, or a former name that maps to it. */
function namesMatch(gazetteer: Gazetteer, record: CommuneRecord, name: string): boolean {
  const wanted = normalizeText(name);
  const parent = record.parent === null ? undefined : gazetteer.byCode.get(record.parent);
  if (
    [record, parent].some((candidate) => candidate !== undefined && normalizeText(candidate.nom) === wanted)
  ) {
    return true;
  }
  const target = current(gazetteer, record).code;
  return (gazetteer.byName.get(wanted) ?? []).some(
    (candidate) => candidate.code === record.code || current(gazetteer, candidate).code === target,
  );
}

/** The arrondissement of Paris, Lyon or Marseille that a postcode designates, when exactly one does. */
function arrondissementFor(gazetteer: Gazetteer, record: CommuneRecord, codePostal: string): CommuneRecord {
  if (record.kind !== 'commune' || codePostal === '') return record;
  const matching = (gazetteer.arrondissements.get(record.code) ?? []).filter((candidate) =>
    candidate.codesPostaux.includes(codePostal),
  );
  return matching.length === 1 && matching[0] !== undefined ? matching[0] : record;
}

/**
 * Resolves a structure's commune to its current INSEE code and territory.
 * With a code: the code wins; a former commune's code maps to the commune that absorbed it, and a commune
 * name that contradicts the code is an error. Without a code: the name and postcode must designate exactly
 * one commune; otherwise the error names the candidates so the curator can add the code.
 */
export function resolveCommune(
  gazetteer: Gazetteer,
  input: { readonly commune: string; readonly codePostal: string; readonly codeInsee: string },
  line?: number,
): Result<ResolvedCommune> {
  const issue = (field: string, message: string): Issue => ({ line, field, message });
  if (input.codeInsee !== '') {
    const record = gazetteer.byCode.get(input.codeInsee);
    if (record === undefined) return fail([issue('code_insee', `unknown INSEE code "${input.codeInsee}"`)]);
    const resolved = current(gazetteer, record);
    if (
      input.commune !== '' &&
      !namesMatch(gazetteer, record, input.commune) &&
      !namesMatch(gazetteer, resolved, input.commune)
    ) {
      return fail([
        issue('commune', `"${input.commune}" does not match code_insee ${input.codeInsee} (${record.nom})`),
      ]);
    }
    return ok(toResolved(gazetteer, arrondissementFor(gazetteer, resolved, input.codePostal)));
  }

  const named = gazetteer.byName.get(normalizeText(input.commune)) ?? [];
  if (named.length === 0)
    return fail([issue('commune', `no commune named "${input.commune}" in the gazetteer`)]);
  const withPostcode = named.filter((record) => record.codesPostaux.includes(input.codePostal));
  const inDepartement = named.filter((record) =>
    departementsOfPostcode(input.codePostal).includes(record.departement),
  );
  const candidates = input.codePostal === '' ? named : withPostcode.length > 0 ? withPostcode : inDepartement;
  const targets = [
    ...new Map(candidates.map((record) => [current(gazetteer, record).code, record])).values(),
  ];
  if (targets.length === 1 && targets[0] !== undefined) {
    return ok(
      toResolved(gazetteer, arrondissementFor(gazetteer, current(gazetteer, targets[0]), input.codePostal)),
    );
  }
  if (targets.length === 0) {
    return fail([
      issue('code_postal', `no commune named "${input.commune}" has postcode ${input.codePostal}`),
    ]);
  }
  const codes = targets.map((record) => `${current(gazetteer, record).code} ${record.nom}`).join(', ');
  return fail([
    issue('commune', `"${input.commune}" ${input.codePostal} is ambiguous (${codes}): add code_insee`),
  ]);
}
