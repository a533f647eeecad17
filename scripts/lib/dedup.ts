import {
  addressKey,
  communeKey,
  findSuspectedDuplicates,
  isSameAddress,
  type SuspectedPair,
} from '../../src/domain/duplicates';
import { cell, checkField, isoDateSchema, SLUG_PATTERN, sourceSchema } from '../../src/domain/fields';
import type { Issue } from '../../src/domain/result';
import { checkHeader } from '../../src/domain/structure-row';
import type { NamedCsv, PlacedStructure } from './pipeline';

export const DUPLICATE_DECISION_COLUMNS = [
  'id_a',
  'id_b',
  'decision',
  'raison',
  'source',
  'date_verification',
] as const;

/**
 * One line of `data/duplicates.csv`. `fusion`: `idB` is the same structure as `idA` and is absorbed into it
 * (`idA` is the row kept and published); `distinct`: two structures that only look alike.
 */
export type DuplicateDecision = {
  readonly idA: string;
  readonly idB: string;
  readonly decision: 'fusion' | 'distinct';
  readonly raison: string;
  readonly source: string;
  readonly dateVerification: string;
  readonly line: number;
};

/** Where each structure row comes from, for the detector and for the curated-over-imported rule. */
export type RowOrigin = { readonly id: string; readonly file: string };

/** The dataset a row belongs to: curated rows, or the import it came from (told by its id prefix). */
export function originOf(row: RowOrigin, curatedFile: string): string {
  if (row.file === curatedFile) return 'curated';
  if (row.id.startsWith('tl-cget-')) return 'cget-2019';
  if (row.id.startsWith('fablab-io-')) return 'fablabs-io-2017';
  return row.file;
}

/**
 * Reads and checks the decisions file against the structures that exist. Every problem is an issue at its line
 * and field: a malformed cell, an unknown id, a pair listed twice (in either order), a fusion whose absorbed row
 * is curated while the kept one is imported (curated supersedes imported), a row absorbed twice, or absorbed and
 * also kept (chains must name the final row).
 */
export function readDuplicateDecisions(
  { file, csv }: NamedCsv,
  origins: ReadonlyMap<string, string>,
): { decisions: DuplicateDecision[]; issues: Issue[] } {
  const issues: Issue[] = [
    ...csv.issues,
    ...checkHeader(csv.header, DUPLICATE_DECISION_COLUMNS).map((issue) => ({ file, ...issue })),
  ];
  const decisions: DuplicateDecision[] = [];
  const seenPairs = new Map<string, number>();
  const absorbedAt = new Map<string, number>();
  for (const { line, values } of csv.rows) {
    const rowIssues: Issue[] = [];
    const at = (field: string, message: string) => rowIssues.push({ file, line, field, message });
    const idA = cell(values, 'id_a');
    const idB = cell(values, 'id_b');
    const decision = cell(values, 'decision');
    for (const [field, id] of [
      ['id_a', idA],
      ['id_b', idB],
    ] as const) {
      if (!SLUG_PATTERN.test(id)) at(field, `expected a structure id, found "${id}"`);
      else if (!origins.has(id)) at(field, `no structure has id "${id}"`);
    }
    if (idA === idB && idA !== '') at('id_b', 'a row cannot be its own duplicate');
    if (decision !== 'fusion' && decision !== 'distinct')
      at('decision', `expected "fusion" or "distinct", found "${decision}"`);
    if (cell(values, 'raison') === '') at('raison', 'required: say why, in your own words');
    const fieldIssues: Issue[] = [];
    checkField(fieldIssues, sourceSchema, cell(values, 'source'), line, 'source');
    checkField(fieldIssues, isoDateSchema, cell(values, 'date_verification'), line, 'date_verification');
    rowIssues.push(...fieldIssues.map((issue) => ({ file, ...issue })));
    const key = idA < idB ? `${idA} ${idB}` : `${idB} ${idA}`;
    const firstLine = seenPairs.get(key);
    if (firstLine !== undefined) at('id_b', `pair ${idA} / ${idB} is already decided at line ${firstLine}`);
    else seenPairs.set(key, line);
    if (decision === 'fusion') {
      if (origins.get(idB) === 'curated' && origins.get(idA) !== 'curated' && origins.has(idA))
        at('id_b', `"${idB}" is curated and "${idA}" imported: the curated row must be the kept one (id_a)`);
      const absorbedLine = absorbedAt.get(idB);
      if (absorbedLine !== undefined) at('id_b', `"${idB}" is already absorbed at line ${absorbedLine}`);
      else absorbedAt.set(idB, line);
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    decisions.push({
      idA,
      idB,
      decision: decision as DuplicateDecision['decision'],
      raison: cell(values, 'raison'),
      source: cell(values, 'source'),
      dateVerification: cell(values, 'date_verification'),
      line,
    });
  }
  for (const decision of decisions) {
    const absorbedLine = absorbedAt.get(decision.idA);
    if (decision.decision === 'fusion' && absorbedLine !== undefined)
      issues.push({
        file,
        line: decision.line,
        field: 'id_a',
        message: `"${decision.idA}" is absorbed at line ${absorbedLine}: name the row it is absorbed into`,
      });
  }
  return { decisions, issues };
}

/** The references of `base`, then those of `extra` that `base` lacks, separated by ` | `. */
function mergeSources(base: string, extra: string): string {
  const parts = base.split(' | ').map((part) => part.trim());
  for (const part of extra.split(' | ').map((piece) => piece.trim()))
    if (part !== '' && !parts.includes(part)) parts.push(part);
  return parts.join(' | ');
}

const PRECISION_RANK = { source: 0, adresse: 1, commune: 2 } as const;

/**
 * One fusion: the kept row stays as it is, except that its `source` gains the absorbed row's references (both
 * sources are kept) and fields it lacks are taken from the absorbed row when they describe the same structure:
 * `site_web`, `siret` and network memberships always; the street address (`adresse`, `code_postal` and the point
 * that goes with it) only when both rows are in the same commune and the absorbed row's source is not older than
 * the kept row's (a newer curated source may describe a move the older import does not know); a more precise
 * point alone when both rows give the same door. Names, types, themes, descriptions, statuses and dates stay the
 * kept row's.
 */
export function absorb(kept: PlacedStructure, absorbed: PlacedStructure): PlacedStructure {
  const sameCommune = communeKey(kept.codeInsee) === communeKey(absorbed.codeInsee);
  const takeAddress =
    sameCommune &&
    kept.adresse === '' &&
    absorbed.adresse !== '' &&
    absorbed.dateVerification >= kept.dateVerification;
  const sameDoor = sameCommune && isSameAddress(addressKey(kept.adresse), addressKey(absorbed.adresse));
  const takePoint =
    (takeAddress || sameDoor) && PRECISION_RANK[absorbed.precision] < PRECISION_RANK[kept.precision];
  return {
    ...kept,
    siteWeb: kept.siteWeb !== '' ? kept.siteWeb : absorbed.siteWeb,
    siret: kept.siret !== '' ? kept.siret : absorbed.siret,
    reseaux: [...new Set([...kept.reseaux, ...absorbed.reseaux])],
    adresse: takeAddress ? absorbed.adresse : kept.adresse,
    codePostal: takeAddress && kept.codePostal === '' ? absorbed.codePostal : kept.codePostal,
    coordinates: takePoint ? absorbed.coordinates : kept.coordinates,
    precision: takePoint ? absorbed.precision : kept.precision,
    source: mergeSources(kept.source, absorbed.source),
  };
}

/**
 * Applies every fusion: absorbed rows are not published, their kept rows are completed (see `absorb`), and
 * `aliases` maps each absorbed id to its kept id so old links keep working. Deterministic: fusions apply in
 * decision-file order and structures keep their order.
 */
export function applyFusions(
  structures: readonly PlacedStructure[],
  decisions: readonly DuplicateDecision[],
): { structures: PlacedStructure[]; aliases: Record<string, string> } {
  const byId = new Map(structures.map((structure) => [structure.id, structure]));
  const aliases: Record<string, string> = {};
  for (const decision of decisions) {
    if (decision.decision !== 'fusion') continue;
    const kept = byId.get(decision.idA);
    const absorbed = byId.get(decision.idB);
    if (kept === undefined || absorbed === undefined) continue;
    byId.set(kept.id, absorb(kept, absorbed));
    aliases[absorbed.id] = kept.id;
  }
  const sortedAliases = Object.fromEntries(
    Object.entries(aliases).sort(([left], [right]) => (left < right ? -1 : 1)),
  );
  return {
    structures: structures
      .filter((structure) => aliases[structure.id] === undefined)
      .map((structure) => byId.get(structure.id) ?? structure),
    aliases: sortedAliases,
  };
}

/** A suspected pair with what the decisions file says of it; `null` when nobody has decided yet. */
export type ResolvedPair = SuspectedPair & {
  readonly decision: 'fusion' | 'distinct' | null;
  /** For a fusion, the id of the row that is published (the other is absorbed into it). */
  readonly keptId: string | null;
  readonly raison: string;
};

/**
 * Matches each suspected pair with its decision, in either order. A pair whose two rows are both absorbed into the
 * same kept row (or one into the other's kept row) is resolved as a fusion without a line of its own.
 */
export function resolvePairs(
  pairs: readonly SuspectedPair[],
  decisions: readonly DuplicateDecision[],
): ResolvedPair[] {
  const byPair = new Map<string, DuplicateDecision>();
  const keptOf = new Map<string, string>();
  for (const decision of decisions) {
    byPair.set(`${decision.idA} ${decision.idB}`, decision);
    byPair.set(`${decision.idB} ${decision.idA}`, decision);
    if (decision.decision === 'fusion') keptOf.set(decision.idB, decision.idA);
  }
  return pairs.map((pair) => {
    const decision = byPair.get(`${pair.idA} ${pair.idB}`);
    if (decision !== undefined)
      return {
        ...pair,
        decision: decision.decision,
        keptId: decision.decision === 'fusion' ? decision.idA : null,
        raison: decision.raison,
      };
    const keptA = keptOf.get(pair.idA) ?? pair.idA;
    const keptB = keptOf.get(pair.idB) ?? pair.idB;
    return keptA === keptB
      ? { ...pair, decision: 'fusion', keptId: keptA, raison: `les deux sont fusionnées dans ${keptA}` }
      : { ...pair, decision: null, keptId: null, raison: '' };
  });
}

/** The duplicate figures of the dataset, for the report and for `quality.json`. */
export type DuplicateCounts = {
  readonly suspected: number;
  readonly merged: number;
  readonly distinct: number;
  readonly unresolved: number;
};

/** Counts suspected pairs by outcome: merged + distinct + unresolved = suspected. */
export function duplicateCounts(pairs: readonly ResolvedPair[]): DuplicateCounts {
  const count = (decision: ResolvedPair['decision']) =>
    pairs.filter((pair) => pair.decision === decision).length;
  return {
    suspected: pairs.length,
    merged: count('fusion'),
    distinct: count('distinct'),
    unresolved: count(null),
  };
}

/** What the build knows about duplicates: every suspected pair with its decision, and the published aliases. */
export type DuplicateReport = {
  readonly pairs: readonly ResolvedPair[];
  readonly decisions: readonly DuplicateDecision[];
  readonly aliases: Readonly<Record<string, string>>;
};

/**
 * The duplicate stage of the build: detects suspected pairs over every row of every source (before any fusion),
 * reads the decisions, applies the fusions. Structures come back without their absorbed rows.
 */
export function resolveDuplicates(options: {
  structures: readonly PlacedStructure[];
  origins: readonly RowOrigin[];
  curatedFile: string;
  decisionsCsv: NamedCsv | null;
}): { structures: PlacedStructure[]; report: DuplicateReport; issues: Issue[] } {
  const origins = new Map(options.origins.map((row) => [row.id, originOf(row, options.curatedFile)]));
  const { decisions, issues } =
    options.decisionsCsv === null
      ? { decisions: [], issues: [] }
      : readDuplicateDecisions(options.decisionsCsv, origins);
  const pairs = findSuspectedDuplicates(
    options.structures.map((structure) => ({ ...structure, origin: origins.get(structure.id) ?? 'curated' })),
  );
  const { structures, aliases } = applyFusions(options.structures, decisions);
  return { structures, report: { pairs: resolvePairs(pairs, decisions), decisions, aliases }, issues };
}

function describeReason(reason: SuspectedPair['reasons'][number]): string {
  if (reason.kind === 'site') return `same website ${reason.site}`;
  if (reason.kind === 'adresse') return `same address (${reason.adresse})`;
  return reason.rareWord === undefined
    ? `similar names (${reason.similarity.toFixed(2)})`
    : `rare shared name word "${reason.rareWord}" (${reason.similarity.toFixed(2)})`;
}

/** The "Suspected duplicates" section of `data/REPORT.md`: counts, then every pair with its reasons and decision. */
export function renderDuplicatesSection(report: DuplicateReport): string {
  const counts = duplicateCounts(report.pairs);
  const byReason = new Map<string, number>();
  for (const pair of report.pairs)
    for (const reason of pair.reasons) byReason.set(reason.kind, (byReason.get(reason.kind) ?? 0) + 1);
  const cellText = (text: string) => text.replace(/\|/g, '/').replace(/\s+/g, ' ');
  const unresolved = report.pairs.filter((pair) => pair.decision === null);
  return [
    '## Suspected duplicates',
    'Pairs of rows that may describe one structure, found by `npm run data` across all sources (same website host and path within 10 km or in the same commune; same street address in the same commune; names whose distinctive words match, or share a word no other row uses, within 5 km; see `src/domain/duplicates.ts`). Each is decided in `data/duplicates.csv`: `fusion` (the second row is absorbed into the first, which keeps both sources; its id stays as an alias) or `distinct`.',
    '',
    '| suspected | merged | distinct | unresolved |',
    '|---:|---:|---:|---:|',
    `| ${counts.suspected} | ${counts.merged} | ${counts.distinct} | ${counts.unresolved} |`,
    '',
    `By reason (a pair may have several): website ${byReason.get('site') ?? 0}, address ${byReason.get('adresse') ?? 0}, name ${byReason.get('nom') ?? 0}. ${Object.keys(report.aliases).length} absorbed id(s) published as aliases.`,
    '',
    unresolved.length === 0
      ? 'Unresolved pairs: none.'
      : `**Unresolved pairs: ${unresolved.length}** — add a line to \`data/duplicates.csv\` for each.`,
    '',
    '| row A | row B | km | reasons | decision | reason given |',
    '|---|---|---:|---|---|---|',
    ...report.pairs.map(
      (pair) =>
        `| \`${pair.idA}\` | \`${pair.idB}\` | ${pair.distanceKm} | ${pair.reasons.map(describeReason).join(', ')} | ${pair.decision === null ? '**to decide**' : pair.decision === 'fusion' ? `fusion into \`${pair.keptId}\`` : 'distinct'} | ${cellText(pair.raison)} |`,
    ),
  ].join('\n');
}
