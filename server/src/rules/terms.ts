// Rule `terms`: the style's preferred terms and spellings (organisation, not organization;
// IS, not ISIS/ISIL/Daesh). The list lives in the style's `terms:` section; fix: replace.

import type { RuleDefinition } from './rule.js';

export const terms: RuleDefinition = {
  id: 'terms',
  description: "Use the style's preferred terms and spellings.",
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  check(context) {
    const compiled = context.style.terms;
    if (!compiled) return;
    for (const f of compiled.check(context.doc)) context.report({ start: f.start, end: f.end, message: f.message, fix: f.fix });
  },
};
