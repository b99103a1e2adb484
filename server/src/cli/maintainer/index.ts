// The style maintainer's commands (rules, explain, --init, test-rules) as functions that
// return text and exit codes; the CLI's main.ts wires them to argv and the terminal. explain and
// the starter style live in shared/, since the editor uses them too.

export { listRules, listRulesJson, ruleListings, type RuleListing } from './rules-list.js';
export { explainRule, suggestRule, unknownRuleText } from '../../shared/explain.js';
export { starterConfig, writeStarterConfig, type InitResult } from '../../shared/starter.js';
export { ruleExamples, runRuleTests, type RuleTestRun } from './test-rules.js';
export { defaultRuleDocsDir, maintainerCommandOf, runMaintainerCommand, type CommandOutput, type MaintainerCommand, type MaintainerContext } from './commands.js';
