import type { RawRow } from '../../src/domain/fields';
import type { Issue } from '../../src/domain/result';

export type CsvRow = { readonly line: number; readonly values: RawRow };

export type CsvFile = {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Malformed lines (bad quoting, wrong number of fields, forbidden characters). Their rows are still in `rows` when readable. */
  readonly issues: readonly Issue[];
  /** Problems that do not change what the file says (mixed line endings, a stray quote, a BOM inside a cell). */
  readonly warnings: readonly Issue[];
  /**
   * False when the file as a whole cannot be read as our CSV (UTF-16, `;`-separated): `issues` then holds one
   * message saying so and `rows` is empty, so that callers do not add a header or per-row error on top of it.
   */
  readonly readable: boolean;
};

type Ending = 'CRLF' | 'LF' | 'CR';

/**
 * Rewrites every line ending as `\n`, so that CRLF, LF and CR-only files (and files mixing them) are numbered the
 * way an editor numbers them: each ending is one line break. Returns the warning to give when endings are mixed,
 * naming the counts and the first line whose ending differs from the most common one.
 */
export function normaliseLineEndings(text: string): { text: string; mixed: string | null; line: number } {
  const endings: Ending[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) {
        endings.push('CRLF');
        index += 1;
      } else endings.push('CR');
    } else if (code === 10) endings.push('LF');
  }
  const counts = { CRLF: 0, LF: 0, CR: 0 };
  for (const ending of endings) counts[ending] += 1;
  const kinds = (Object.keys(counts) as Ending[]).filter((kind) => counts[kind] > 0);
  const normalised = kinds.length === 1 && kinds[0] === 'LF' ? text : text.replace(/\r\n?/g, '\n');
  if (kinds.length <= 1) return { text: normalised, mixed: null, line: 0 };
  const usual = kinds.reduce((best, kind) => (counts[kind] > counts[best] ? kind : best));
  const odd = endings.findIndex((ending) => ending !== usual);
  const oddKind = endings[odd] ?? usual;
  const listed = kinds.map((kind) => `${counts[kind].toLocaleString('en-US')} ${kind}`).join(', ');
  return {
    text: normalised,
    mixed: `mixed line endings (${listed}): the first ${oddKind} ending among ${usual} ones ends line ${odd + 1}; each ending is counted as one line break`,
    line: odd + 1,
  };
}

type CsvRecord = {
  readonly line: number;
  readonly fields: string[];
  /** Problems found while splitting the record, with the index of their field. */
  readonly problems: { index: number; line: number; message: string; warning: boolean }[];
};

const UNBALANCED_QUOTE =
  'CSV syntax: unbalanced quote (a quoted field ends with " followed by a comma or a line break, and a quote inside it is written ""); the field was read as plain text up to the next comma or line break';

/**
 * Splits `\n`-separated CSV text into records. A quoted field may span lines. A quoted field that is never closed,
 * or whose closing quote is followed by other text, is an error reported on the line of its opening quote and is
 * then read as plain text up to the next comma or line break, so that it swallows no later row.
 */
function splitRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const length = text.length;
  let position = 0;
  let line = 1;
  const readPlain = (from: number): number => {
    let end = from;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === 44 || code === 10) break;
      end += 1;
    }
    return end;
  };
  while (position < length) {
    const record: CsvRecord = { line, fields: [], problems: [] };
    for (;;) {
      const index = record.fields.length;
      if (text.charCodeAt(position) === 34) {
        const parts: string[] = [];
        let cursor = position + 1;
        let newlines = 0;
        let closed = false;
        for (;;) {
          const quote = text.indexOf('"', cursor);
          const segment = text.slice(cursor, quote === -1 ? length : quote);
          for (let at = segment.indexOf('\n'); at !== -1; at = segment.indexOf('\n', at + 1)) newlines += 1;
          parts.push(segment);
          if (quote === -1) break;
          const next = text.charCodeAt(quote + 1);
          if (next === 34) {
            parts.push('"');
            cursor = quote + 2;
            continue;
          }
          if (Number.isNaN(next) || next === 44 || next === 10) {
            closed = true;
            cursor = quote + 1;
          }
          break;
        }
        if (closed) {
          record.fields.push(parts.join(''));
          position = cursor;
          line += newlines;
        } else {
          record.problems.push({ index, line, message: UNBALANCED_QUOTE, warning: false });
          const end = readPlain(position);
          record.fields.push(text.slice(position, end));
          position = end;
        }
      } else {
        const end = readPlain(position);
        const value = text.slice(position, end);
        if (value.includes('"'))
          record.problems.push({
            index,
            line,
            message:
              'stray quote in an unquoted field (a field holding " should be quoted, with the quote doubled: "a ""b"" c"); read as written',
            warning: true,
          });
        record.fields.push(value);
        position = end;
      }
      if (text.charCodeAt(position) === 44) {
        position += 1;
        continue;
      }
      break;
    }
    if (text.charCodeAt(position) === 10) {
      position += 1;
      line += 1;
    }
    records.push(record);
  }
  return records;
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Characters no cell of ours may hold, and the rule each breaks (see docs/data-rules.md). */
function cellProblems(value: string): { message: string; warning: boolean }[] {
  const problems: { message: string; warning: boolean }[] = [];
  if (value.includes('\u0000'))
    problems.push({ message: 'NUL character in the cell (binary data, or a UTF-16 file?)', warning: false });
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi !== null)
    problems.push({
      message: `bidirectional control character U+${bidi[0].charCodeAt(0).toString(16).toUpperCase()} in the cell: it can make text display in a misleading order; delete it`,
      warning: false,
    });
  if (value.includes('\uFEFF'))
    problems.push({
      message:
        'byte-order mark (U+FEFF, invisible) inside the cell, usually left by pasting or joining files; delete it',
      warning: true,
    });
  return problems;
}

/** One message when the text is not comma-separated UTF-8 at all, instead of one error per row. */
function shapeProblem(text: string, firstLine: string): string | null {
  const sample = text.slice(0, 2000);
  const nuls = sample.split('\u0000').length - 1;
  if (nuls >= 4 && nuls * 4 >= sample.length)
    return 'the file looks encoded as UTF-16 (every other byte is NUL): save it as UTF-8';
  if (!firstLine.includes(',')) {
    for (const [delimiter, name] of [
      [';', 'semicolons'],
      ['\t', 'tabs'],
    ] as const) {
      const count = firstLine.split(delimiter).length - 1;
      if (count > 0)
        return `the header has no comma but ${count} ${name}: the file looks ${delimiter === ';' ? ';' : 'tab'}-separated; save it as comma-separated CSV (UTF-8)`;
    }
  }
  return null;
}

/**
 * Parses CSV text with a header row and returns each row with the 1-based line where it starts in the file,
 * so that every later error can say `file:line`. Quoted fields may span lines. Blank lines are skipped.
 * LF, CRLF and CR-only endings are all read, and a file mixing them gets one warning.
 * Nothing is dropped silently: a row with the wrong number of fields is reported and still returned, and an
 * unbalanced quote is reported on its line and swallows no later row.
 */
export function readCsv(text: string, file: string): CsvFile {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endings = normaliseLineEndings(withoutBom);
  const body = endings.text;
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  if (endings.mixed !== null) warnings.push({ file, line: endings.line, message: endings.mixed });
  const newline = body.indexOf('\n');
  const shape = shapeProblem(body, newline === -1 ? body : body.slice(0, newline));
  if (shape !== null)
    return { header: [], rows: [], issues: [{ file, line: 1, message: shape }], warnings, readable: false };

  const nonBlank = splitRecords(body).filter(
    (record) => !(record.fields.length <= 1 && (record.fields[0] ?? '').trim() === ''),
  );
  const [headerRecord] = nonBlank;
  if (headerRecord === undefined)
    return {
      header: [],
      rows: [],
      issues: [{ file, line: 1, message: 'empty file: a header row is required' }],
      warnings,
      readable: true,
    };
  const header = headerRecord.fields.map((name) => name.trim());
  const rows: CsvRow[] = [];
  for (const record of nonBlank) {
    const isHeader = record === headerRecord;
    const located = (index: number, line: number, message: string): Issue => {
      const field = isHeader ? undefined : header[index];
      return field === undefined || field === '' ? { file, line, message } : { file, line, field, message };
    };
    for (const problem of record.problems)
      (problem.warning ? warnings : issues).push(located(problem.index, problem.line, problem.message));
    record.fields.forEach((value, index) => {
      for (const problem of cellProblems(value))
        (problem.warning ? warnings : issues).push(located(index, record.line, problem.message));
    });
    if (isHeader) continue;
    if (record.fields.length !== header.length) {
      issues.push({
        file,
        line: record.line,
        message: `expected ${header.length} fields as in the header, found ${record.fields.length}`,
      });
    }
    const values: { [column: string]: string } = {};
    header.forEach((name, index) => {
      values[name] = record.fields[index] ?? '';
    });
    rows.push({ line: record.line, values });
  }
  return { header, rows, issues, warnings, readable: true };
}

/**
 * Offsets where an invalid UTF-8 sequence starts (overlong forms and surrogates included), one per U+FFFD that
 * `TextDecoder` would write: a truncated sequence counts once.
 */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let size = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) size = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let consumed = size > 0 ? 1 : 0;
    while (consumed > 0 && consumed < size) {
      const byte = bytes[index + consumed];
      const [min, max] = consumed === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) break;
      consumed += 1;
    }
    if (consumed > 0 && consumed === size) index += size;
    else {
      offsets.push(index);
      index += Math.max(consumed, 1);
    }
  }
  return offsets;
}

/** The 1-based line holding a byte offset, counting LF, CRLF and CR each as one line break. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) {
    const byte = bytes[index];
    if (byte === 10 || (byte === 13 && bytes[index + 1] !== 10)) line += 1;
  }
  return line;
}

/**
 * Reads a CSV file from its bytes: UTF-16 (by its byte-order mark or its NUL bytes) gets one message and no rows;
 * invalid UTF-8 is reported once, at the byte offset and line of its first bad sequence, and the rest of the file is
 * still read (with U+FFFD in place of the bad bytes) so that its other problems show too.
 * `text` is the decoded text (the leading BOM kept), which the build hashes.
 */
export function readCsvBytes(bytes: Uint8Array, file: string): { text: string; csv: CsvFile } {
  const nuls = bytes.subarray(0, 2000).filter((byte) => byte === 0).length;
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (nuls >= 4 && nuls * 4 >= Math.min(bytes.length, 2000));
  if (utf16)
    return {
      text: '',
      csv: {
        header: [],
        rows: [],
        issues: [{ file, line: 1, message: 'the file is encoded as UTF-16: save it as UTF-8' }],
        warnings: [],
        readable: false,
      },
    };
  let text: string;
  let encodingIssue: Issue | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const offsets = invalidUtf8Offsets(bytes);
    const first = offsets[0] ?? 0;
    const shown = [...bytes.subarray(first, first + 2)]
      .map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'))
      .join(' ');
    const more = offsets.length > 1 ? ` (and ${(offsets.length - 1).toLocaleString('en-US')} more)` : '';
    encodingIssue = {
      file,
      line: lineOfByte(bytes, first),
      message: `invalid UTF-8 at byte ${first.toLocaleString('en-US')} (${shown})${more}: the file is probably Windows-1252 or Latin-1; save it as UTF-8`,
    };
  }
  const csv = readCsv(text, file);
  return encodingIssue === null
    ? { text, csv }
    : { text, csv: { ...csv, issues: [encodingIssue, ...csv.issues] } };
}
