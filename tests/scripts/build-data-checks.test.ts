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

  it('checks the official programme lists: programme, duplicates, structure ids, communes', () => {
    const directory = workspace();
    const file = join(directory, 'data', 'networks-official.csv');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}` +
        'robotique,Pôle Robot,,,2023-2026,,pas de siège,https://example.org/x,2023\n' +
        'pole-competitivite,emc2,,,2023-2026,tl-ade,,https://example.org/x,2023\n' +
        'pole-competitivite,Pôle X,,,2023-2026,pole-emc2,,https://example.org/x,2023\n' +
        'pole-competitivite,Pôle Y,,,2023-2026,x,,https://example.org/x,2023\n' +
        'satt,SATT Ouest,Rennes,99999,2023-,,siège non trouvé,https://example.org/x,2023\n' +
        'satt,SATT Sud,,,2023-,,,https://example.org/x,2023\n',
    );
    const result = check(directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:4 reseau: unknown programme "robotique" (not in networks-official-programmes.csv)`,
    );
    expect(result.stderr).toContain(
      `${file}:5 nom_officiel: duplicate member "emc2" of pole-competitivite (first at line 2)`,
    );
    expect(result.stderr).toContain(
      `${file}:6 structure_id: structure "pole-emc2" is already a member of pole-competitivite (line 2)`,
    );
    expect(result.stderr).toContain(`${file}:7 structure_id: no structure "x"`);
    expect(result.stderr).toContain(`${file}:8 code_insee_siege: unknown INSEE code "99999"`);
    expect(result.stderr).toContain(`${file}:9 structure_id: give structure_id`);
  });

  it('writes quality.json and the "Réseaux officiels" report section, byte-identical on a re-run', () => {
    const directory = workspace();
    const build = () =>
      spawnSync(
        tsx,
        ['scripts/build-data.ts', '--data', join(directory, 'data'), '--out', join(directory, 'out')],
        { encoding: 'utf8' },
      );
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    const read = () => [
      readFileSync(join(directory, 'out', 'quality.json'), 'utf8'),
      readFileSync(join(directory, 'data', 'REPORT.md'), 'utf8'),
    ];
    const before = read();
    expect(build().status).toBe(0);
    expect(read()).toEqual(before);
    const [json = '', report = ''] = before;
    const quality = JSON.parse(json);
    expect(quality.programmes[0]).toEqual({
      code: 'pole-competitivite',
      labelFr: 'Pôles de compétitivité (phase V)',
      labelEn: 'Competitiveness clusters (phase V)',
      official: 2,
      placed: 1,
      notPlaced: [
        { nom: 'Pôle Mer Bretagne Atlantique', raison: 'siège non trouvé dans les sources stockées' },
      ],
    });
    expect(quality.totals).toEqual({ curated: 4, imported: 0 });
    expect(report).toContain('## Réseaux officiels');
    expect(report).toContain(
      '| Pôles de compétitivité (phase V) (`pole-competitivite`) | 2 | 1 | 1 | 50.0 % |',
    );
    expect(report).toContain('- Pôle Mer Bretagne Atlantique: siège non trouvé dans les sources stockées');
  });
});
