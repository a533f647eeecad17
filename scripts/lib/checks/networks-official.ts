import type { Gazetteer } from '../../../src/domain/commune';
import {
  NETWORK_OFFICIAL_COLUMNS,
  type OfficialMember,
  parseNetworkOfficialRow,
} from '../../../src/domain/network-official-row';
import type { Issue } from '../../../src/domain/result';
import { checkHeader } from '../../../src/domain/structure-row';
import { parseTaxonomyRow } from '../../../src/domain/taxonomy';
import { normalizeText } from '../../../src/domain/text';
import type { TaxonomyEntry } from '../../../src/domain/types';
import type { NamedCsv } from '../pipeline';

/**
 * Reads the official programme lists: the programme codes (`networks-official-programmes.csv`) and their members
 * (`networks-official.csv`). Besides each row's own checks: a member listed twice in a programme (same name, or
 * same structure), a `structure_id` that names no structure, and a `code_insee_siege` the gazetteer does not know
 * are errors.
 */
export function checkOfficialNetworks(
  files: { programmes: NamedCsv; members: NamedCsv },
  structureIds: ReadonlySet<string>,
  gazetteer: Gazetteer,
): { programmes: TaxonomyEntry[]; members: OfficialMember[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const programmes: TaxonomyEntry[] = [];
  {
    const { file, csv } = files.programmes;
    issues.push(
      ...csv.issues,
      ...checkHeader(csv.header, ['code', 'label_fr', 'label_en']).map((issue) => ({ file, ...issue })),
    );
    for (const { line, values } of csv.rows) {
      const result = parseTaxonomyRow(values, line);
      if (!result.ok) issues.push(...result.issues.map((issue) => ({ file, ...issue })));
      else if (programmes.some((entry) => entry.code === result.value.code))
        issues.push({ file, line, field: 'code', message: `duplicate code "${result.value.code}"` });
      else programmes.push(result.value);
    }
  }
  const codes = new Set(programmes.map((entry) => entry.code));
  const { file, csv } = files.members;
  issues.push(
    ...csv.issues,
    ...checkHeader(csv.header, NETWORK_OFFICIAL_COLUMNS).map((issue) => ({ file, ...issue })),
  );
  const members: OfficialMember[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values } of csv.rows) {
    const result = parseNetworkOfficialRow(values, line, codes);
    if (!result.ok) {
      issues.push(...result.issues.map((issue) => ({ file, ...issue })));
      continue;
    }
    const member = result.value;
    const rowIssues: Issue[] = [];
    const byName = `${member.reseau}|name|${normalizeText(member.nomOfficiel)}`;
    const byStructure = `${member.reseau}|id|${member.structureId}`;
    const sameName = firstLine.get(byName);
    if (sameName !== undefined)
      rowIssues.push({
        file,
        line,
        field: 'nom_officiel',
        message: `duplicate member "${member.nomOfficiel}" of ${member.reseau} (first at line ${sameName})`,
      });
    const sameStructure = member.structureId === '' ? undefined : firstLine.get(byStructure);
    if (sameStructure !== undefined)
      rowIssues.push({
        file,
        line,
        field: 'structure_id',
        message: `structure "${member.structureId}" is already a member of ${member.reseau} (line ${sameStructure})`,
      });
    if (member.structureId !== '' && !structureIds.has(member.structureId))
      rowIssues.push({ file, line, field: 'structure_id', message: `no structure "${member.structureId}"` });
    if (member.codeInseeSiege !== '' && !gazetteer.byCode.has(member.codeInseeSiege))
      rowIssues.push({
        file,
        line,
        field: 'code_insee_siege',
        message: `unknown INSEE code "${member.codeInseeSiege}"`,
      });
    if (!firstLine.has(byName)) firstLine.set(byName, line);
    if (member.structureId !== '' && !firstLine.has(byStructure)) firstLine.set(byStructure, line);
    if (rowIssues.length > 0) issues.push(...rowIssues);
    else members.push(member);
  }
  return { programmes, members, issues };
}
