// The style maintainer's commands (rules, explain, --init, test-rules) as functions that
// return text and exit codes; the CLI's main.ts wires them to argv and the terminal.

export { listRules, listRulesJson, ruleListings, type RuleListing } from './rules-list.js';
export { explainRule, suggestRule, unknownRuleText } from './explain.js';
export { starterConfig, writeStarterConfig, type InitResult } from './init.js';
export { ruleExamples, runRuleTests, type RuleTestRun } from './test-rules.js';
export { defaultRuleDocsDir, maintainerCommandOf, runMaintainerCommand, type CommandOutput, type MaintainerCommand, type MaintainerContext } from './commands.js';
