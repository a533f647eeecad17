import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('npm run data: cross-row checks', { timeout: 30_000 }, () => {
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

  it('checks successors across rows: unknown structure, cycles', () => {
    const directory = workspace();
    const file = join(directory, 'data', 'structures.csv');
    const [header = '', ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(
      file,
      `${[`${header},successeur`, ...rows.map((row) => `${row},`)].join('\n')}\n` +
        'pole-a,A,pole-competitivite,industrie,,,,Nantes,44109,,,,,,ferme,https://example.org,2023,pole-b\n' +
        'pole-b,B,pole-competitivite,industrie,,,,Nantes,44109,,,,,,ferme,https://example.org,2023,pole-a\n' +
        'pole-c,C,pole-competitivite,industrie,,,,Nantes,44109,,,,,,ferme,https://example.org,2023,pole-x\n' +
        'pole-d,D,pole-competitivite,industrie,,,,Nantes,44109,,,,,,ferme,https://example.org,2023,pole-emc2\n',
    );
    const result = check(directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:6 successeur: successors form a cycle: pole-a → pole-b → pole-a`,
    );
    expect(result.stderr).toContain(
      `${file}:7 successeur: successors form a cycle: pole-b → pole-a → pole-b`,
    );
    expect(result.stderr).toContain(`${file}:8 successeur: no structure "pole-x"`);
    expect(result.stderr).not.toContain(`${file}:9 `);
  });

  it('publishes the successor in structures.geojson', () => {
    const directory = workspace();
    const file = join(directory, 'data', 'structures.csv');
    const [header = '', ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(
      file,
      `${[`${header},successeur`, ...rows.map((row) => `${row},`)].join('\n')}\n` +
        'pole-d,D,pole-competitivite,industrie,,,,Nantes,44109,,,,,,ferme,https://example.org,2023,pole-emc2\n',
    );
    const result = spawnSync(
      tsx,
      ['scripts/build-data.ts', '--data', join(directory, 'data'), '--out', join(directory, 'out')],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const collection = JSON.parse(readFileSync(join(directory, 'out', 'structures.geojson'), 'utf8'));
    const byId = new Map(
      collection.features.map((feature: { id: string; properties: { successeur: string } }) => [
        feature.id,
        feature.properties.successeur,
      ]),
    );
    expect(byId.get('pole-d')).toBe('pole-emc2');
    expect(byId.get('pole-emc2')).toBe('');
  });

  it('requires 2023+ evidence for "actif" on curated rows, not on imported ones', () => {
    const directory = workspace();
    const file = appendStructures(
      directory,
      'pole-vieux,Vieux,pole-competitivite,industrie,,,,Nantes,44109,,,,,,actif,https://example.org,2022-12-31\n' +
        'pole-neuf,Neuf,pole-competitivite,industrie,,,,Nantes,44109,,,,,,actif,https://example.org,2023\n',
    );
    mkdirSync(join(directory, 'data', 'imported'));
    const imported = join(directory, 'data', 'imported', 'test.csv');
    writeFileSync(
      imported,
      'id,nom,type,themes,description,adresse,code_postal,commune,code_insee,latitude,longitude,site_web,reseaux,siret,statut,source,date_verification\n' +
        'tl-importe,Importé,tiers-lieu,numerique,,,,Nantes,44109,,,,,,actif,https://example.org,2019\n',
    );
    const result = check(directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:6 statut: "actif" needs a source dated 2023 or later, and date_verification is 2022-12-31`,
    );
    expect(result.stderr).not.toContain(`${file}:7 `);
    expect(result.stderr).not.toContain(imported);
  });
});
