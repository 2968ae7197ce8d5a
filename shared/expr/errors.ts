/** Errors the user can act on: where (1-based columns), why, and where obvious a fix. */

export interface ExprFix {
  /** 1-based column of the first character replaced */
  column: number;
  /** 1-based column just past the replaced text (equal to column for a pure insertion) */
  endColumn: number;
  replacement: string;
  /** what the fix does, for a button: `quote it: "GET"` */
  label: string;
}

export interface ExprError {
  /** 1-based column of the first offending character */
  column: number;
  /** 1-based column just past the offending text (at least column + 1) */
  endColumn: number;
  message: string;
  fix?: ExprFix;
}

/** Build an error from 0-based offsets [start, end). */
export function errorAt(start: number, end: number, message: string, fix?: { start: number; end: number; replacement: string; label: string }): ExprError {
  const err: ExprError = { column: start + 1, endColumn: Math.max(end, start + 1) + 1, message };
  if (fix) err.fix = { column: fix.start + 1, endColumn: fix.end + 1, replacement: fix.replacement, label: fix.label };
  return err;
}

/** `column 17: string values must be quoted: "GET"` */
export function formatError(err: ExprError): string {
  return `column ${err.column}: ${err.message}`;
}

/** The source with the fix applied. */
export function applyFix(src: string, fix: ExprFix): string {
  return src.slice(0, fix.column - 1) + fix.replacement + src.slice(fix.endColumn - 1);
}
