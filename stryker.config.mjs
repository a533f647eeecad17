/**
 * Mutation testing (issue 13): how many deliberate small bugs in the pure code do the unit tests catch?
 * Run with `npm run mutation` (scripts/mutation.ts: one Stryker run per folder, then the scores per folder and
 * overall). Not in CI: see docs/testing.md for the cost and the scores. One folder or a few files:
 * `MUTATION_SCOPE=src/domain npx stryker run`, `npx stryker run --mutate src/domain/filter.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const FOLDERS = ['src/domain', 'src/state', 'scripts/lib'];
const scope = process.env.MUTATION_SCOPE;
if (scope !== undefined && !FOLDERS.includes(scope))
  throw new Error(`MUTATION_SCOPE must be one of ${FOLDERS.join(', ')}; got "${scope}"`);
/** Each folder keeps its own reports and incremental file, so one folder can be re-run without losing the others. */
const name = scope === undefined ? 'all' : scope.replaceAll('/', '-');

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: (scope === undefined ? FOLDERS : [scope]).map((folder) => `${folder}/**/*.ts`),
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 5_000,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  ignorePatterns: ['dist', 'public/boundaries', 'test-results', 'coverage', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 80, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
