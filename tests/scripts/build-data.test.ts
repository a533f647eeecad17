import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'tests/fixtures/data';
const tsx = join('node_modules', '.bin', 'tsx');

function workspace(): string {
  const directory = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  cpSync(FIXTURE, join(directory, 'data'), { recursive: true });
  return directory;
}

function build(directory: string, ...extra: string[]) {
  return spawnSync(
    tsx,
    ['scripts/build-data.ts', '--data', join(directory, 'data'), '--out', join(directory, 'out'), ...extra],
    {
      encoding: 'utf8',
    },
  );
}

describe('npm run data', () => {
  it('builds the fixture dataset and gives byte-identical files on a re-run', () => {
    const directory = workspace();
    const first = build(directory);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('4 structures, 3 initiatives');
    expect(first.stdout).toContain('by precision: commune 2, adresse 1, source 1');
    const files = ['structures.geojson', 'initiatives.json', 'taxonomies.json', 'territories.json'];
    const before = files.map((name) => readFileSync(join(directory, 'out', name), 'utf8'));
    expect(build(directory).status).toBe(0);
    expect(files.map((name) => readFileSync(join(directory, 'out', name), 'utf8'))).toEqual(before);

    const collection = JSON.parse(before[0] ?? '{}');
    const byId = Object.fromEntries(
      collection.features.map((feature: { id: string }) => [feature.id, feature]),
    );
    expect(byId['tl-anticafe'].properties).toMatchObject({
      codeInsee: '75110',
      precision: 'source',
      epciNom: 'Métropole du Grand Paris',
    });
    expect(byId['tl-anticafe'].geometry.coordinates).toEqual([2.36154, 48.86948]);
    expect(byId['tl-ade'].properties.precision).toBe('adresse');
    expect(byId['tl-ade'].geometry.coordinates).toEqual([-1.5056, 47.24594]);
    expect(byId['fablab-reunion'].properties).toMatchObject({
      codeInsee: '97411',
      region: '04',
      precision: 'commune',
    });
  });

  it('prints every problem as file:line column: message, exits non-zero and writes nothing', () => {
    const directory = workspace();
    const structures = readFileSync(join(FIXTURE, 'structures.csv'), 'utf8');
    writeFileSync(
      join(directory, 'data', 'structures.csv'),
      `${structures}pole-emc2,Doublon,pole-competitivite,industrie,,,,Nantes,44109,,,,,,actif,https://example.org,2023\n` +
        'bad id,X,robot,industrie,,,,,,,,,,,vivant,,hier\n' +
        '"fablab-lannion","Fablab",fablab,numerique,"multi\nligne",,,Lannion,22113,,,,,,inconnu,https://example.org,2017\n' +
        'tl-nowhere,Nulle part,tiers-lieu,numerique,,,44000,Atlantis,,,,,,,inconnu,https://example.org,2019\n',
    );
    const result = build(directory);
    expect(result.status).toBe(1);
    const file = join(directory, 'data', 'structures.csv');
    expect(result.stderr).toContain(`${file}:6 id: duplicate id "pole-emc2" (first at ${file}:2)`);
    expect(result.stderr).toContain(`${file}:7 id: expected a slug`);
    expect(result.stderr).toContain(`${file}:7 type: unknown code "robot" (not in types.csv)`);
    expect(result.stderr).toContain(`${file}:7 statut: expected one of actif, ferme, inconnu`);
    expect(result.stderr).toContain(`${file}:7 source: required`);
    expect(result.stderr).toContain(`${file}:7 date_verification: expected an ISO date`);
    expect(result.stderr).toContain(`${file}:7 code_insee: the commune is unknown`);
    expect(result.stderr).toContain(`${file}:8 code_insee: commune 22113 has no known centre`);
    expect(result.stderr).toContain(`${file}:10 commune: no commune named "Atlantis" in the gazetteer`);
    expect(result.stderr).toMatch(
      /problem\(s\) in the data; 4 of 8 structure rows are valid\. Nothing was written\./,
    );
    expect(() => readFileSync(join(directory, 'out', 'structures.geojson'))).toThrow();
  });

  it('checks initiatives: unknown structures, categories and reversed dates', () => {
    const directory = workspace();
    writeFileSync(
      join(directory, 'data', 'initiatives.csv'),
      'id,nom,structure_ids,categorie,description,commune,code_insee,date_debut,date_fin,site_web,source,date_verification\n' +
        'covid-a,A,pole-inconnu,sante,,,,2020-03,,,https://example.org,2020\n' +
        'covid-b,B,,masques,,,,2020-05,2020-04,,https://example.org,2020\n',
    );
    const result = build(directory);
    const file = join(directory, 'data', 'initiatives.csv');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:2 structure_ids: no structure has id "pole-inconnu"`);
    expect(result.stderr).toContain(`${file}:3 categorie: unknown code "masques"`);
    expect(result.stderr).toContain(`${file}:3 date_fin: ends (2020-04) before it starts (2020-05)`);
  });

  it('--check validates without writing', () => {
    const directory = workspace();
    const output = execFileSync(
      tsx,
      [
        'scripts/build-data.ts',
        '--check',
        '--data',
        join(directory, 'data'),
        '--out',
        join(directory, 'out'),
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain('check passed: nothing written');
    expect(() => readFileSync(join(directory, 'out', 'structures.geojson'))).toThrow();
  });
});
