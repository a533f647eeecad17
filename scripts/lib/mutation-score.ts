/**
 * Reads a StrykerJS JSON report (the mutation-testing-report-schema: `files` → `mutants` with a `status`) and
 * counts its mutants by outcome, for scripts/mutation.ts.
 */
export interface MutantTally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  /** Mutants that did not compile or made the run crash: not counted in the score, as StrykerJS does. */
  errors: number;
}

const FIELD_OF_STATUS: Record<string, keyof MutantTally> = {
  Killed: 'killed',
  Timeout: 'timeout',
  Survived: 'survived',
  NoCoverage: 'noCoverage',
  Ignored: 'ignored',
  CompileError: 'errors',
  RuntimeError: 'errors',
};

export function tallyMutants(report: unknown, where: string): MutantTally {
  const tally: MutantTally = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  const files = (report as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null)
    throw new Error(`${where}: no "files" object in the report`);
  for (const [path, file] of Object.entries(files)) {
    const mutants = (file as { mutants?: unknown }).mutants;
    if (!Array.isArray(mutants)) throw new Error(`${where}: file "${path}" has no "mutants" list`);
    for (const [index, mutant] of mutants.entries()) {
      const status = (mutant as { status?: unknown }).status;
      const field = typeof status === 'string' ? FIELD_OF_STATUS[status] : undefined;
      if (field === undefined)
        throw new Error(
          `${where}: file "${path}", mutant ${index}: unknown status ${JSON.stringify(status)}`,
        );
      tally[field] += 1;
    }
  }
  return tally;
}

/** StrykerJS's mutation score: detected ÷ valid, in percent (0 when there is nothing to count). */
export function mutationScore(tally: MutantTally): number {
  const detected = tally.killed + tally.timeout;
  const valid = detected + tally.survived + tally.noCoverage;
  return valid === 0 ? 0 : (detected / valid) * 100;
}
