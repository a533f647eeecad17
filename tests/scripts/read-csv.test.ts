import { describe, expect, it } from 'vitest';
import { invalidUtf8Offsets, readCsv, readCsvBytes } from '../../scripts/lib/read-csv';

describe('readCsv', () => {
  it('returns each row with the file line where it starts, across quoted newlines and blank lines', () => {
    const file = readCsv('\uFEFFa,b\n1,2\n\n"multi\nline",3\r\n5,"6"\n', 'f.csv');
    expect(file.header).toEqual(['a', 'b']);
    expect(file.rows.map((row) => [row.line, row.values.a])).toEqual([
      [2, '1'],
      [4, 'multi\nline'],
      [6, '5'],
    ]);
    expect(file.issues).toEqual([]);
  });

  it('reports rows with a wrong number of fields and keeps them', () => {
    const file = readCsv('a,b\n1\n2,3,4\n', 'f.csv');
    expect(file.issues).toEqual([
      { file: 'f.csv', line: 2, message: 'expected 2 fields as in the header, found 1' },
      { file: 'f.csv', line: 3, message: 'expected 2 fields as in the header, found 3' },
    ]);
    expect(file.rows).toHaveLength(2);
  });

  it('reports an unclosed quote and an empty file', () => {
    expect(readCsv('a,b\n"1,2\n', 'f.csv').issues.some((issue) => /CSV syntax/.test(issue.message))).toBe(
      true,
    );
    expect(readCsv('', 'f.csv').issues).toEqual([
      { file: 'f.csv', line: 1, message: 'empty file: a header row is required' },
    ]);
  });
});

describe('readCsv line endings', () => {
  const rows = (file: ReturnType<typeof readCsv>) => file.rows.map((row) => [row.line, row.values.a]);

  it('numbers the lines of LF, CRLF and CR-only files alike, without a warning', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const file = readCsv(['a,b', '1,2', '', '"x', 'y",3', '4,5', ''].join(newline), 'f.csv');
      expect(rows(file), JSON.stringify(newline)).toEqual([
        [2, '1'],
        [4, 'x\ny'],
        [6, '4'],
      ]);
      expect(file.issues).toEqual([]);
      expect(file.warnings).toEqual([]);
    }
  });

  it('reads a CRLF file with a few LF lines without false field-count errors and warns once, naming the first odd line', () => {
    const text = 'a,b\r\n1,2\r\n3,4\n5,6\r\n7,8\n9,10\r\n';
    const file = readCsv(text, 'f.csv');
    expect(rows(file)).toEqual([
      [2, '1'],
      [3, '3'],
      [4, '5'],
      [5, '7'],
      [6, '9'],
    ]);
    expect(file.rows.map((row) => row.values.b)).toEqual(['2', '4', '6', '8', '10']);
    expect(file.issues).toEqual([]);
    expect(file.warnings).toEqual([
      {
        file: 'f.csv',
        line: 3,
        message:
          'mixed line endings (4 CRLF, 2 LF): the first LF ending among CRLF ones ends line 3; each ending is counted as one line break',
      },
    ]);
  });

  it('counts a CR-only ending inside an LF file as one line', () => {
    const file = readCsv('a,b\n1,2\r3,4\n5,6\n', 'f.csv');
    expect(rows(file)).toEqual([
      [2, '1'],
      [3, '3'],
      [4, '5'],
    ]);
    expect(file.warnings.map((warning) => warning.line)).toEqual([2]);
  });
});

describe('readCsv quotes', () => {
  it('reports an unclosed quote on its own line and loses none of the rows after it', () => {
    const file = readCsv('a,b\n1,2\n3,"oops\n5,6\n7,8\n', 'f.csv');
    expect(file.rows.map((row) => [row.line, row.values.a, row.values.b])).toEqual([
      [2, '1', '2'],
      [3, '3', '"oops'],
      [4, '5', '6'],
      [5, '7', '8'],
    ]);
    expect(file.issues).toEqual([
      { file: 'f.csv', line: 3, field: 'b', message: expect.stringMatching(/^CSV syntax: unbalanced quote/) },
    ]);
  });

  it('reports text after a closing quote on the line of the opening quote, and reads on from the next line', () => {
    const file = readCsv('a,b\n"x\ny"z,1\n2,3\n', 'f.csv');
    expect(file.issues).toEqual([
      { file: 'f.csv', line: 2, field: 'a', message: expect.stringMatching(/^CSV syntax: unbalanced quote/) },
      { file: 'f.csv', line: 2, message: 'expected 2 fields as in the header, found 1' },
    ]);
    expect(file.rows.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  it('keeps doubled quotes inside a quoted field and warns about a stray quote in an unquoted one', () => {
    const file = readCsv('a,b\n"say ""hi""",x\nsay "hi",y\n', 'f.csv');
    expect(file.rows.map((row) => row.values.a)).toEqual(['say "hi"', 'say "hi"']);
    expect(file.issues).toEqual([]);
    expect(file.warnings).toEqual([
      {
        file: 'f.csv',
        line: 3,
        field: 'a',
        message: expect.stringMatching(/^stray quote in an unquoted field/),
      },
    ]);
  });
});

describe('readCsv suspicious characters', () => {
  it('rejects NUL and bidirectional controls, and warns about a BOM inside a cell, each with line and field', () => {
    const file = readCsv('a,b\nok,x\u0000y\n"Big \u202Egnp.exe",z\n\uFEFFw,v\n', 'f.csv');
    expect(file.issues).toEqual([
      { file: 'f.csv', line: 2, field: 'b', message: expect.stringMatching(/^NUL character/) },
      { file: 'f.csv', line: 3, field: 'a', message: expect.stringMatching(/U\+202E/) },
    ]);
    expect(file.warnings).toEqual([
      { file: 'f.csv', line: 4, field: 'a', message: expect.stringMatching(/^byte-order mark/) },
    ]);
    expect(readCsv('a\nx\u0000\n', 'f.csv').issues).toEqual([
      { file: 'f.csv', line: 2, field: 'a', message: expect.stringMatching(/^NUL character/) },
    ]);
    for (const character of ['\u202A', '\u202D', '\u2066', '\u2069'])
      expect(readCsv(`a\nx${character}y\n`, 'f.csv').issues, character).toHaveLength(1);
  });

  it('gives one message for a ;-separated file, a tab-separated file and a UTF-16 file read as UTF-8', () => {
    const rows = Array.from({ length: 500 }, (_, index) => `id-${index};Nom;fablab`).join('\n');
    const semicolons = readCsv(`id;nom;type\n${rows}\n`, 'f.csv');
    expect(semicolons.issues).toEqual([
      {
        file: 'f.csv',
        line: 1,
        message:
          'the header has no comma but 2 semicolons: the file looks ;-separated; save it as comma-separated CSV (UTF-8)',
      },
    ]);
    expect(semicolons).toMatchObject({ rows: [], readable: false });
    expect(readCsv('id\tnom\n1\t2\n', 'f.csv').issues).toHaveLength(1);
    const utf16 = Buffer.from('\uFEFFid,nom\n1,x\n2,y\n', 'utf16le').toString('utf8');
    expect(readCsv(utf16, 'f.csv').issues).toEqual([
      { file: 'f.csv', line: 1, message: expect.stringMatching(/UTF-16/) },
    ]);
  });
});

describe('readCsvBytes', () => {
  it('reads UTF-8 as readCsv does and keeps a leading BOM in the text it returns (the build hashes it)', () => {
    const { text, csv } = readCsvBytes(Buffer.from('\uFEFFa,b\n1,é\n'), 'f.csv');
    expect(text).toBe('\uFEFFa,b\n1,é\n');
    expect(csv.rows.map((row) => row.values.b)).toEqual(['é']);
    expect(csv.issues).toEqual([]);
  });

  it('reports invalid UTF-8 once, with the byte offset and the line of the first bad byte, and reads the rest', () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b\r\n1,ok\r\n2,caf'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n3,na'),
      Buffer.from([0xef, 0xbf]),
      Buffer.from('\r\n'),
    ]);
    const { csv } = readCsvBytes(bytes, 'f.csv');
    expect(csv.issues).toEqual([
      {
        file: 'f.csv',
        line: 3,
        message:
          'invalid UTF-8 at byte 16 (E9 0D) (and 1 more): the file is probably Windows-1252 or Latin-1; save it as UTF-8',
      },
    ]);
    expect(csv.rows.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  it('finds overlong forms and surrogates as TextDecoder does', () => {
    expect(
      invalidUtf8Offsets(Buffer.from([0x41, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80])),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives one message for a UTF-16 file, with or without its byte-order mark', () => {
    for (const text of ['\uFEFFid,nom\n1,x\n', 'id,nom\n1,x\n']) {
      for (const encoding of ['utf16le'] as const) {
        const { csv } = readCsvBytes(Buffer.from(text, encoding), 'f.csv');
        expect(csv).toMatchObject({
          rows: [],
          readable: false,
          issues: [{ file: 'f.csv', line: 1, message: 'the file is encoded as UTF-16: save it as UTF-8' }],
        });
      }
    }
    const bigEndian = Buffer.from('\uFEFFid,nom\n', 'utf16le').swap16();
    expect(readCsvBytes(bigEndian, 'f.csv').csv.readable).toBe(false);
    expect(readCsvBytes(Buffer.from('a\n\u0000\n'), 'f.csv').csv.issues).toEqual([
      { file: 'f.csv', line: 2, field: 'a', message: expect.stringMatching(/^NUL character/) },
    ]);
  });
});
