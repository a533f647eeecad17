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

/**
 * Runs the build with its stderr piped into a slow reader, as `npm run data 2>&1 | less` does: nothing is read for
 * a second, so the pipe fills and Node queues the rest. A process that exits without draining loses the tail.
 */
function buildIntoSlowPipe(directory: string, ...extra: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(
    'bash',
    [
      '-c',
      'set -o pipefail; command="$1"; shift; "$command" scripts/build-data.ts "$@" 2>&1 >/dev/null | (sleep 1; cat)',
      'bash',
      tsx,
      '--data',
      join(directory, 'data'),
      '--out',
      join(directory, 'out'),
      ...extra,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status, stderr: result.stdout };
}

/** `count` structure rows with seven problems each (type, themes, statut, source twice, date, commune). */
function badRows(count: number): string {
  return Array.from(
    { length: count },
    (_, index) => `bad-${index},Nom,robot,inconnu,,,,,,,,,,,vivant,,hier\n`,
  ).join('');
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

  it('lets stderr drain into a slow pipe: with --all, the last problem and the summary arrive', () => {
    const directory = workspace();
    const structures = readFileSync(join(FIXTURE, 'structures.csv'), 'utf8');
    writeFileSync(join(directory, 'data', 'structures.csv'), `${structures}${badRows(3000)}`);
    const result = buildIntoSlowPipe(directory, '--all');
    expect(result.status).toBe(1);
    expect(result.stderr.length).toBeGreaterThan(256 * 1024);
    const file = join(directory, 'data', 'structures.csv');
    expect(result.stderr).toContain(`${file}:3005 statut: expected one of actif, ferme, inconnu`);
    expect(result.stderr.trimEnd()).toMatch(
      /\n21,000 problem\(s\) in the data; 4 of 3,004 structure rows are valid\. Nothing was written\.$/,
    );
  }, 60_000);

  it('prints the first 200 problems, cut to a readable length, then one summary line per file', () => {
    const directory = workspace();
    const structures = readFileSync(join(FIXTURE, 'structures.csv'), 'utf8');
    const huge = 'x'.repeat(100_000);
    writeFileSync(
      join(directory, 'data', 'structures.csv'),
      `${structures}huge,${huge},${huge},numerique,,,,Nantes,44109,,,,,,actif,https://example.org,2023\n${badRows(3000)}`,
    );
    const result = buildIntoSlowPipe(directory);
    const file = join(directory, 'data', 'structures.csv');
    const lines = result.stderr.trimEnd().split('\n');
    expect(result.status).toBe(1);
    expect(result.stderr.length).toBeLessThan(64 * 1024);
    expect(lines.every((line) => line.length < 1100)).toBe(true);
    expect(lines[0]).toBe(`${file}:6 nom: 100,000 characters, over the limit of 300`);
    expect(result.stderr).toContain(
      `${file}:6 type: unknown code "${'x'.repeat(200)}… (100,000 characters)" (not in types.csv)`,
    );
    expect(lines.slice(-3)).toEqual([
      `… and 20,802 more problem(s) in ${file}, lines 35–3,006: source 5,944, code_insee 2,972, statut 2,972, date_verification 2,972, type 2,971, themes 2,971`,
      '',
      '21,002 problem(s) in the data; 4 of 3,005 structure rows are valid. Nothing was written.',
    ]);
  }, 60_000);

  it('reports suspicious input with file:line and column, and warns without failing about mixed line endings', () => {
    const directory = workspace();
    const structures = readFileSync(join(FIXTURE, 'structures.csv'), 'utf8');
    const row = (id: string, nom: string, source = 'https://example.org') =>
      `${id},${nom},fablab,numerique,,,,Nantes,44109,,,,,,inconnu,${source},2019`;
    const file = join(directory, 'data', 'structures.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(
          `${structures}${row('fab-a', 'A', 'https://example.org | javascript:alert(1)')}\n` +
            `${row('fab-b', 'Big \u202Egnp.exe')}\n${row('fab-c', 'C\u0000')}\n${row('fab-d', 'N'.repeat(301))}\n` +
            'fab-e,Caf',
        ),
        Buffer.from([0xe9]),
        Buffer.from(`${row('fab-e', '').slice('fab-e,'.length)}\n${row('fab-f', 'F', '//evil.example/x')}\n`),
      ]),
    );
    const result = build(directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:6 source: "javascript:" link: only http:// and https:// links are allowed`,
    );
    expect(result.stderr).toContain(`${file}:7 nom: bidirectional control character U+202E`);
    expect(result.stderr).toContain(`${file}:8 nom: NUL character in the cell`);
    expect(result.stderr).toContain(`${file}:9 nom: 301 characters, over the limit of 300`);
    expect(result.stderr).toContain(`${file}:10: invalid UTF-8 at byte `);
    expect(result.stderr).toContain(`${file}:11 source: protocol-relative link "//evil.example/x"`);

    const crlf = structures.replaceAll('\n', '\r\n').replace(/\r\n$/, '\n');
    writeFileSync(file, crlf);
    const mixed = build(directory);
    expect(mixed.status, mixed.stderr).toBe(0);
    expect(mixed.stderr).toBe(
      `warning: ${file}:5: mixed line endings (4 CRLF, 1 LF): the first LF ending among CRLF ones ends line 5; each ending is counted as one line break\n`,
    );
  });

  it('gives one message for an upper-case header, a ;-separated file and a UTF-16 file', () => {
    const directory = workspace();
    const structures = readFileSync(join(FIXTURE, 'structures.csv'), 'utf8');
    const file = join(directory, 'data', 'structures.csv');
    const [header = '', ...rows] = structures.split('\n');
    const problems = (text: string | Buffer) => {
      writeFileSync(file, text);
      const result = build(directory);
      expect(result.status).toBe(1);
      return result.stderr.split('\n').filter((line) => line.startsWith(file));
    };
    expect(problems([header.toUpperCase(), ...rows].join('\n'))).toEqual([
      `${file}:1: column names are lower case (found "ID", "NOM", "TYPE", "THEMES", "DESCRIPTION", …): rename them as in the README; no row of this file was checked`,
    ]);
    expect(problems(structures.replaceAll(',', ';'))).toEqual([
      `${file}:1: the header has no comma but 16 semicolons: the file looks ;-separated; save it as comma-separated CSV (UTF-8)`,
    ]);
    expect(problems(Buffer.from(`\uFEFF${structures}`, 'utf16le'))).toEqual([
      `${file}:1: the file is encoded as UTF-16: save it as UTF-8`,
    ]);
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
