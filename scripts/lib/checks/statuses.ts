import { ACTIVE_EVIDENCE_FROM_YEAR } from '../../../src/domain/evidence-age';
import type { Issue } from '../../../src/domain/result';
import type { LocatedInput } from '../pipeline';

/**
 * A curated row (`curatedFile`) may say `actif` only when its `date_verification` is 2023 or later: older evidence
 * does not show the structure is still active, so the row is `inconnu`. Imported rows keep their status.
 */
export function checkCuratedStatuses(
  inputs: readonly LocatedInput[],
  curatedFile: string | undefined,
): Issue[] {
  return inputs
    .filter(
      (input) =>
        input.file === curatedFile &&
        input.statut === 'actif' &&
        Number(input.dateVerification.slice(0, 4)) < ACTIVE_EVIDENCE_FROM_YEAR,
    )
    .map((input) => ({
      file: input.file,
      line: input.line,
      field: 'statut',
      message: `"actif" needs a source dated ${ACTIVE_EVIDENCE_FROM_YEAR} or later, and date_verification is ${input.dateVerification}: find a newer source or set statut to inconnu`,
    }));
}
