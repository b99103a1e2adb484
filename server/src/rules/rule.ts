// The contract every rule file fulfils: metadata beside a check function. A rule reads the
// parsed NewsDocument and reports findings with source offsets; it never parses or does I/O.

import type { NewsDocument } from '../engine/document.js';
import type { CompiledStyle } from '../engine/style.js';
import type { OptionSpecs, ReportInput, RuleOptions, Severity } from '../engine/types.js';

export interface RuleContext {
  doc: NewsDocument;
  /** This rule's options, validated and with defaults filled in. */
  options: RuleOptions;
  style: CompiledStyle;
  report(finding: ReportInput): void;
}

export interface RuleDefinition {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Off in copydesk:recommended unless listed there. */
  fixable: boolean;
  options: OptionSpecs;
  check(context: RuleContext): void;
}

/** The rule's documentation page, as a path inside the Copydesk package (there is no web copy). */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
