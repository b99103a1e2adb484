// Translates engine findings and config errors into LSP diagnostics. Offsets become positions
// here and only here, through TextDocument.positionAt (UTF-16, BOM included).

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigError } from '../config/errors.js';
import { CONFIG_RULE } from '../engine/catalogue.js';
import type { RuleCatalogue } from '../engine/rule.js';
import type { Finding, Severity } from '../engine/types.js';
import { ruleDocHref } from './rule-docs.js';

export const DIAGNOSTIC_SOURCE = 'copydesk';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(Math.max(start, end)) };
}

function withDocLink(rule: string, catalogue: RuleCatalogue | undefined): Pick<Diagnostic, 'codeDescription'> {
  const href = ruleDocHref(rule, catalogue);
  return href ? { codeDescription: { href } } : {};
}

/** `catalogue`: the draft's style's (its custom rules' pages are linked too); the built-in rules' without it. */
export function findingToDiagnostic(doc: TextDocument, finding: Finding, catalogue?: RuleCatalogue): Diagnostic {
  return {
    range: rangeOf(doc, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    // Rules link to their page on disk (shipped beside the server, or a custom rule's doc:);
    // pseudo-rules have none. Never a web address.
    ...withDocLink(finding.rule, catalogue),
    message: finding.message,
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: doc.uri, range: rangeOf(doc, r.start, r.end) }, message: r.message })) }
      : {}),
  };
}

/** A config error at its exact range in the config file's text (open buffer or file on disk). */
export function configErrorToDiagnostic(configText: TextDocument, error: ConfigError): Diagnostic {
  return {
    range: rangeOf(configText, error.start, error.end),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_RULE,
    message: error.message,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
