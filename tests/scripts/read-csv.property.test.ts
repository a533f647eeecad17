import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateStructures } from '../../scripts/lib/pipeline';
import { readCsv } from '../../scripts/lib/read-csv';
import type { Taxonomies } from '../../src/domain/types';

/**
 * Property-based tests of the CSV reader and of structure-row validation: generated files mix good and malformed
 * rows, and LF, CRLF and CR endings line by line (inside quoted fields too). Whatever the mix, reading never
 * throws, every bad row is reported at its own line, and every good row comes back once, at its line, intact.
 *
 * One case is left out on purpose: a quoted field whose text starts with a comma or a line break may legally close
 * an earlier unclosed quote (the CSV is then valid, with other rows). Generated quoted text starts with a letter.
 */

const SETTINGS = { seed: 20261130, numRuns: 200 } as const;

type Ending = '\n' | '\r\n' | '\r';
const ending = fc.constantFrom<Ending>('\n', '\r\n', '\r');

/** Text of a quoted field: pieces of text and line breaks, each break with its own ending. */
type Piece = string | { readonly newline: Ending };

const letters = fc.stringMatching(/^[a-zé]{1,4}$/);
const plainText = fc.stringMatching(/^[a-zA-Zé0-9 ._-]{0,6}$/);
const quotedPieces = fc
  .tuple(
    letters,
    fc.array(
      fc.oneof(
        fc.stringMatching(/^[a-zé ,"]{1,5}$/),
        ending.map((newline) => ({ newline })),
      ),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([first, rest]): Piece[] => [first, ...rest]);

type Cell =
  | { readonly kind: 'plain'; readonly text: string }
  | { readonly kind: 'quoted'; readonly pieces: Piece[] };
const cell: fc.Arbitrary<Cell> = fc.oneof(
  plainText.map((text) => ({ kind: 'plain' as const, text })),
  quotedPieces.map((pieces) => ({ kind: 'quoted' as const, pieces })),
);
const plainCell = letters.map((text): Cell => ({ kind: 'plain', text }));

const render = (value: Cell): string =>
  value.kind === 'plain'
    ? value.text
    : `"${value.pieces.map((piece) => (typeof piece === 'string' ? piece.replaceAll('"', '""') : piece.newline)).join('')}"`;
/** What the reader must return for a cell: any CR, LF or CRLF inside quotes becomes `\n`. */
const cellValue = (value: Cell): string =>
  value.kind === 'plain'
    ? value.text
    : value.pieces
        .map((piece) => (typeof piece === 'string' ? piece : piece.newline))
        .join('')
        .replace(/\r\n?/g, '\n');
/** Line breaks as an editor counts them: CRLF is one, so a CR piece followed by an LF piece is one. */
const LINE_BREAK = /\r\n|\r|\n/g;
const breakCount = (text: string): number => text.match(LINE_BREAK)?.length ?? 0;

/** A generated line (or lines, for quoted breaks) and what the reader must make of it. */
type Row = {
  readonly kind: 'good' | 'count' | 'unclosed' | 'trailing' | 'stray' | 'control' | 'blank';
  readonly cells: readonly Cell[];
  /** The raw text of the row, without its ending. */
  readonly text: string;
  /** The values the reader must return, or null when the row is malformed and only its line matters. */
  readonly values: readonly string[] | null;
};

function rowArbitrary(width: number): fc.Arbitrary<Row> {
  const good = fc.array(cell, { minLength: width, maxLength: width }).map(
    (cells): Row => ({
      kind: 'good',
      cells,
      text: cells.map(render).join(','),
      values: cells.map(cellValue),
    }),
  );
  const count = fc
    .integer({ min: 1, max: width + 2 })
    .filter((size) => size !== width)
    .chain((size) => fc.array(size === 1 ? plainCell : cell, { minLength: size, maxLength: size }))
    .map((cells): Row => ({ kind: 'count', cells, text: cells.map(render).join(','), values: null }));
  const unclosed = fc.tuple(fc.array(plainCell, { maxLength: width - 1 }), letters).map(
    ([cells, rest]): Row => ({
      kind: 'unclosed',
      cells,
      text: [...cells.map(render), `"${rest}`].join(','),
      values: null,
    }),
  );
  const trailing = fc
    .tuple(letters, letters, fc.array(plainCell, { minLength: width - 1, maxLength: width - 1 }))
    .map(
      ([inside, after, cells]): Row => ({
        kind: 'trailing',
        cells,
        text: [`"${inside}"${after}`, ...cells.map(render)].join(','),
        values: null,
      }),
    );
  const stray = fc
    .tuple(letters, letters, fc.array(plainCell, { minLength: width - 1, maxLength: width - 1 }))
    .map(
      ([left, right, cells]): Row => ({
        kind: 'stray',
        cells,
        text: [`${left}"${right}`, ...cells.map(render)].join(','),
        values: [`${left}"${right}`, ...cells.map(cellValue)],
      }),
    );
  const control = fc
    .tuple(
      letters,
      fc.constantFrom('\u0000', '\u202E', '\u2066', '\u202A'),
      fc.array(plainCell, { minLength: width - 1, maxLength: width - 1 }),
    )
    .map(
      ([text, character, cells]): Row => ({
        kind: 'control',
        cells,
        text: [`${text}${character}`, ...cells.map(render)].join(','),
        values: null,
      }),
    );
  const blank = fc
    .constantFrom('', ' ')
    .map((text): Row => ({ kind: 'blank', cells: [], text, values: null }));
  return fc.oneof(
    { arbitrary: good, weight: 6 },
    { arbitrary: count, weight: 1 },
    { arbitrary: unclosed, weight: 1 },
    { arbitrary: trailing, weight: 1 },
    { arbitrary: stray, weight: 1 },
    { arbitrary: control, weight: 1 },
    { arbitrary: blank, weight: 1 },
  );
}

type GeneratedFile = {
  readonly width: number;
  readonly bom: boolean;
  readonly headerEnding: Ending;
  readonly rows: readonly (readonly [Row, Ending])[];
  readonly finalEnding: boolean;
};

const generatedFile: fc.Arbitrary<GeneratedFile> = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    bom: fc.boolean(),
    headerEnding: ending,
    rows: fc.array(fc.tuple(rowArbitrary(width), ending), { maxLength: 25 }),
    finalEnding: fc.boolean(),
  }),
);

type Layout = { text: string; lines: number[]; endings: Set<string> };

/** The file's text, the line where each row starts (counted in the text itself) and the kinds of ending it holds. */
function layOut(file: GeneratedFile): Layout {
  const header = Array.from({ length: file.width }, (_, index) => `c${index}`).join(',');
  let text = `${file.bom ? '\uFEFF' : ''}${header}${file.headerEnding}`;
  const lines: number[] = [];
  file.rows.forEach(([row, rowEnding], index) => {
    lines.push(breakCount(text) + 1);
    const last = index === file.rows.length - 1;
    text += `${row.text}${last && !file.finalEnding ? '' : rowEnding}`;
  });
  return { text, lines, endings: new Set(text.match(LINE_BREAK)) };
}

describe('readCsv (property-based)', () => {
  it('never throws, reports every bad row at its line, and returns every good row once, at its line, intact', () => {
    fc.assert(
      fc.property(generatedFile, (file) => {
        const { text, lines, endings } = layOut(file);
        const csv = readCsv(text, 'f.csv');
        const columns = Array.from({ length: file.width }, (_, index) => `c${index}`);
        const rowsByLine = new Map(csv.rows.map((row) => [row.line, row]));
        const issueLines = new Set(csv.issues.map((issue) => issue.line));
        const expectedRowLines: number[] = [];
        const badLines = new Set<number>();
        file.rows.forEach(([row], index) => {
          const line = lines[index] ?? 0;
          if (row.kind === 'blank') {
            const sharesItsLine = lines.some((other, position) => position !== index && other === line);
            if (!sharesItsLine) expect(rowsByLine.has(line)).toBe(false);
            return;
          }
          expectedRowLines.push(line);
          const returned = rowsByLine.get(line);
          expect(returned, `row ${row.kind} at line ${line}`).toBeDefined();
          if (row.values !== null)
            expect(columns.map((column) => returned?.values[column])).toEqual(row.values);
          if (row.kind === 'good' || row.kind === 'stray') {
            expect(issueLines.has(line), `no issue at the good line ${line}`).toBe(false);
          } else {
            badLines.add(line);
            expect(issueLines.has(line), `an issue at the bad line ${line}`).toBe(true);
          }
          if (row.kind === 'unclosed' || row.kind === 'trailing')
            expect(
              csv.issues.some(
                (issue) => issue.line === line && issue.message.startsWith('CSV syntax: unbalanced quote'),
              ),
            ).toBe(true);
          if (row.kind === 'stray')
            expect(csv.warnings.some((warning) => warning.line === line && warning.field === 'c0')).toBe(
              true,
            );
        });
        expect(csv.rows.map((row) => row.line)).toEqual(expectedRowLines);
        expect([...issueLines].every((line) => line !== undefined && badLines.has(line))).toBe(true);
        const mixed = csv.warnings.filter((warning) => warning.message.startsWith('mixed line endings'));
        expect(mixed).toHaveLength(endings.size > 1 ? 1 : 0);
      }),
      SETTINGS,
    );
  });
});

const taxonomies: Taxonomies = {
  types: [{ code: 'fablab', labelFr: 'Fablab', labelEn: 'Fablab', descriptionFr: '' }],
  themes: [{ code: 'numerique', labelFr: 'Numérique', labelEn: 'Digital', descriptionFr: '' }],
  networks: [],
  initiativeCategories: [],
};

const STRUCTURE_HEADER = 'id,nom,type,themes,code_insee,statut,source,date_verification';

/** One structure row: valid, or broken in one field the validator must name. */
const structureRow = fc.oneof(
  fc.record({ broken: fc.constant(null), nom: quotedPieces }),
  fc.record({
    broken: fc.constantFrom(
      ['type', 'robot'],
      ['themes', 'inconnu'],
      ['statut', 'vivant'],
      ['date_verification', 'hier'],
      ['code_insee', '4410'],
      ['source', ''],
    ),
    nom: quotedPieces,
  }),
);

describe('validateStructures (property-based)', () => {
  it('keeps every valid row at its line, and names every broken row at its line and field, whatever the endings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(structureRow, ending), { minLength: 1, maxLength: 30 }),
        ending,
        (rows, first) => {
          let text = `${STRUCTURE_HEADER}${first}`;
          let line = 2;
          const expected: { line: number; id: string; nom: string; broken: string | null }[] = [];
          rows.forEach(([row, rowEnding], index) => {
            const nom: Cell = { kind: 'quoted', pieces: row.nom };
            const values: Record<string, string> = {
              id: `s-${index}`,
              nom: render(nom),
              type: 'fablab',
              themes: 'numerique',
              code_insee: '44109',
              statut: 'inconnu',
              source: 'https://example.org',
              date_verification: '2019',
            };
            if (row.broken !== null) values[row.broken[0]] = row.broken[1];
            text += `${STRUCTURE_HEADER.split(',')
              .map((column) => values[column])
              .join(',')}${rowEnding}`;
            expected.push({
              line,
              id: `s-${index}`,
              nom: cellValue(nom).trim(),
              broken: row.broken?.[0] ?? null,
            });
            line += breakCount(render(nom)) + 1;
          });
          const csv = readCsv(text, 'f.csv');
          const { inputs, issues } = validateStructures([{ file: 'f.csv', csv }], taxonomies);
          expect(csv.issues).toEqual([]);
          const valid = expected.filter((row) => row.broken === null);
          expect(inputs.map((input) => [input.line, input.id, input.nom])).toEqual(
            valid.map((row) => [row.line, row.id, row.nom]),
          );
          for (const row of expected.filter((candidate) => candidate.broken !== null))
            expect(issues.some((issue) => issue.line === row.line && issue.field === row.broken)).toBe(true);
          const validLines = new Set(valid.map((row) => row.line));
          expect(issues.filter((issue) => issue.line !== undefined && validLines.has(issue.line))).toEqual(
            [],
          );
        },
      ),
      SETTINGS,
    );
  });
});
