/**
 * `npm run mutation [folder…]`: runs StrykerJS once per folder (src/domain, src/state, scripts/lib by default;
 * see stryker.config.mjs), then prints the mutation score of each folder and of all of them together, read from
 * the JSON reports in reports/mutation/. `npm run mutation -- --scores` prints the scores of the last runs
 * without running anything. Not in CI: a full run takes hours on 2 cores (docs/testing.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type MutantTally, mutationScore, tallyMutants } from './lib/mutation-score';

const FOLDERS = ['src/domain', 'src/state', 'scripts/lib'];

const args = process.argv.slice(2);
const scoresOnly = args.includes('--scores');
const folders = args.filter((arg) => !arg.startsWith('--'));
for (const folder of folders)
  if (!FOLDERS.includes(folder)) {
    console.error(`Unknown folder "${folder}": expected one of ${FOLDERS.join(', ')}.`);
    process.exit(2);
  }
const chosen = folders.length > 0 ? folders : FOLDERS;

const reportOf = (folder: string) => `reports/mutation/${folder.replaceAll('/', '-')}.json`;

if (!scoresOnly)
  for (const folder of chosen) {
    console.log(`\n— StrykerJS on ${folder} —`);
    const run = spawnSync('npx', ['stryker', 'run'], {
      stdio: 'inherit',
      env: { ...process.env, MUTATION_SCOPE: folder },
    });
    if (run.status !== 0) {
      console.error(`StrykerJS failed on ${folder} (exit ${run.status ?? run.signal}).`);
      process.exit(1);
    }
  }

const rows: Array<[string, MutantTally]> = [];
for (const folder of FOLDERS) {
  const file = reportOf(folder);
  if (!existsSync(file)) continue;
  rows.push([folder, tallyMutants(JSON.parse(readFileSync(file, 'utf8')), file)]);
}
if (rows.length === 0) {
  console.error('No report in reports/mutation/: run `npm run mutation` first.');
  process.exit(1);
}
const total = rows.reduce<MutantTally>(
  (sum, [, tally]) => {
    for (const key of Object.keys(sum) as Array<keyof MutantTally>) sum[key] += tally[key];
    return sum;
  },
  { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 },
);
const line = (name: string, t: MutantTally) =>
  [
    name.padEnd(12),
    `${mutationScore(t).toFixed(1)} %`.padStart(8),
    ...[t.killed, t.timeout, t.survived, t.noCoverage, t.ignored, t.errors].map((n) => String(n).padStart(9)),
  ].join(' ');
console.log(
  `\n${'folder'.padEnd(12)} ${'score'.padStart(8)} ${['killed', 'timeout', 'survived', 'no cover', 'ignored', 'errors'].map((h) => h.padStart(9)).join(' ')}`,
);
for (const [folder, tally] of rows) console.log(line(folder, tally));
if (rows.length > 1) console.log(line('all', total));
console.log(
  'score = (killed + timeout) ÷ (killed + timeout + survived + no cover); ignored and errors are not counted.',
);
