// The one interface both regex engines (RE2 and recheck-admitted JavaScript) present to the
// Vale checks, kept apart so regex-hints.ts can wrap a Regex without importing the compiler.

/** Calls fn for each non-empty match; group(i) is null for a group that did not take part. */
export type EachMatch = (start: number, end: number, group: (i: number) => string | null, groupStart: (i: number) => number) => void;

export interface Regex {
  readonly engine: 're2' | 'js';
  readonly groupCount: number;
  test(text: string): boolean;
  each(text: string, fn: EachMatch): void;
  /** The first match anywhere in text, or null. */
  first(text: string): { start: number; end: number; group: (i: number) => string | null } | null;
}
