import { type Gazetteer, resolveCommune } from '../../../src/domain/commune';
import { indexPostcodes, postcodeMismatch } from '../../../src/domain/postcode';
import type { Issue } from '../../../src/domain/result';
import type { LocatedInput } from '../pipeline';

/**
 * Every row whose `code_postal` is not a postcode of its commune (see `postcodeMismatch` for arrondissements and
 * Cedex codes). Rows whose commune does not resolve are skipped: placement already reports them.
 */
export function checkPostcodes(inputs: readonly LocatedInput[], gazetteer: Gazetteer): Issue[] {
  const index = indexPostcodes(gazetteer);
  const issues: Issue[] = [];
  for (const input of inputs) {
    if (input.codePostal === '') continue;
    const commune = resolveCommune(gazetteer, input, input.line);
    if (!commune.ok) continue;
    const message = postcodeMismatch(gazetteer, index, input.codePostal, commune.value.codeInsee);
    if (message !== null) issues.push({ file: input.file, line: input.line, field: 'code_postal', message });
  }
  return issues;
}
