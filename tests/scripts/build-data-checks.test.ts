import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'tests/fixtures/data';
const tsx = join('node_modules', '.bin', 'tsx');

function workspace(): string {
  const directory = mkdtempSync(join(tmpdir(), 'atlas-checks-'));
  cpSync(FIXTURE, join(directory, 'data'), { recursive: true });
  return directory;
}

function check(directory: string) {
  return spawnSync(tsx, ['scripts/build-data.ts', '--check', '--data', join(directory, 'data')], {
    encoding: 'utf8',
  });
}

function appendStructures(directory: string, rows: string): string {
  const file = join(directory, 'data', 'structures.csv');
  writeFileSync(file, `${readFileSync(file, 'utf8')}${rows}`);
  return file;
}

describe('npm run data: cross-row checks', () => {
  it('rejects a postcode that is not one of the commune’s, with file, line and field', () => {
    const directory = workspace();
    const file = appendStructures(
      directory,
      'tl-faux-cp,Faux CP,tiers-lieu,numerique,,,35000,Nantes,44109,,,,,,inconnu,https://example.org,2019\n' +
        'tl-cedex,Cedex,tiers-lieu,numerique,,,44093,Nantes,44109,,,,,,inconnu,https://example.org,2019\n',
    );
    const result = check(directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:6 code_postal: 35000 is not a postcode of Nantes (44109); its postcodes: 44000 44100 44200 44300`,
    );
    expect(result.stderr).not.toContain(`${file}:7 `);
  });
});
