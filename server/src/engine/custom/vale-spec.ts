// What a Vale rule file becomes once loaded: the fields Vale's checks read, plain data so a
// resolved style stays JSON-serialisable. Produced by config/vale, run by vale-rules.ts.

export type ValeCheck = 'existence' | 'substitution' | 'conditional' | 'occurrence' | 'repetition' | 'consistency' | 'capitalization' | 'metric';

export interface ValeAction {
  /** replace | remove | edit | suggest (suggest is not a fix Copydesk can make). */
  name: string;
  params: string[];
}

export interface ValeSpec {
  check: ValeCheck;
  /** Scope selectors as written (`heading`, `~blockquote & ~heading`); empty: text. */
  scope: string[];
  nonword: boolean;
  capitalize: boolean;
  /** existence: the one pattern Vale builds from raw + tokens; occurrence/repetition: the token pattern. */
  pattern: string;
  /** existence: the tokens when every one is a plain ASCII phrase and there is no raw: run on a trie. */
  literals: string[];
  /** existence: the pattern of the other tokens, when some are plain and some are not. */
  rest: string;
  /** substitution: [pattern, expected], longest pattern first as Vale orders them; conditional: [[first, second]]. */
  swap: [string, string][];
  /** existence/substitution/conditional/capitalization: patterns whose whole match is let through. */
  exceptions: string[];
  action: ValeAction | null;
  /** Vale's `limit`: at most this many findings per draft (0: no limit). */
  limit: number;
  /** TokenIgnores/BlockIgnores from a .vale.ini: matches in the source hide findings. */
  ignores: string[];
  /** SkippedScopes from a .vale.ini, as scope names: blocks no rule reads. */
  skipped: string[];
  /** occurrence */
  max: number;
  min: number;
  /** repetition */
  alpha: boolean;
  /** consistency: [first spelling, second spelling] pairs */
  either: [string, string][];
  /** capitalization: $title, $sentence, $lower, $upper or a pattern */
  match: string;
  titleStyle: string;
  indicators: string[];
  threshold: number;
  /** capitalization: a pattern cut from the start before checking (a list marker). */
  prefix: string;
  /** metric */
  formula: string;
  condition: string;
}

export function emptyValeSpec(check: ValeCheck): ValeSpec {
  return {
    check, scope: [], nonword: false, capitalize: false, pattern: '', literals: [], rest: '', swap: [], exceptions: [], action: null, limit: 0, ignores: [], skipped: [],
    max: 0, min: 0, alpha: false, either: [], match: '', titleStyle: 'AP', indicators: [], threshold: 0.8, prefix: '', formula: '', condition: '',
  };
}
