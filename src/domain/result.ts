/** One problem found in input data. `line` is the 1-based line in the file; `field` the column name. */
export type Issue = {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
};

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}

/** Formats an issue as `file:line field: message`, the form every script prints. */
export function formatIssue(issue: Issue): string {
  const place = [issue.file, issue.line].filter((part) => part !== undefined).join(':');
  const where = [place, issue.field].filter((part) => part !== undefined && part !== '').join(' ');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
