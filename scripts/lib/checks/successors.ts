import type { Issue } from '../../../src/domain/result';
import type { LocatedInput } from '../pipeline';

/**
 * Cross-row checks of `successeur` (the row's own checks are in `parseStructureRow`): it must name a structure of
 * the dataset, and following successors must never come back to a structure (no cycles). Each row of a cycle is
 * reported, with the cycle.
 */
export function checkSuccessors(inputs: readonly LocatedInput[]): Issue[] {
  const successorOf = new Map(inputs.map((input) => [input.id, input.successeur]));
  const issues: Issue[] = [];
  for (const input of inputs) {
    if (input.successeur === '') continue;
    if (!successorOf.has(input.successeur)) {
      issues.push({
        file: input.file,
        line: input.line,
        field: 'successeur',
        message: `no structure "${input.successeur}"`,
      });
      continue;
    }
    const path = [input.id];
    let next = input.successeur;
    while (next !== '' && !path.includes(next)) {
      path.push(next);
      next = successorOf.get(next) ?? '';
    }
    if (next === input.id)
      issues.push({
        file: input.file,
        line: input.line,
        field: 'successeur',
        message: `successors form a cycle: ${[...path, input.id].join(' → ')}`,
      });
  }
  return issues;
}
