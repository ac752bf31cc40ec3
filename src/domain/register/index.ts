/**
 * The burden register's pure domain logic (DESIGN §3 "register", §4 rule sets): item schemas,
 * burden arithmetic, policy rules and rule sets, duplicate detection, admission numbers and
 * verification codes, school-year dates. No database, no I/O: the server module builds on it.
 */
export * from './kinds';
export * from './schemas';
export * from './burden';
export * from './ruleset';
export {
  CHECK_STAGES,
  SEVERITIES,
  POLICY_SOURCE_IDS,
  buildRuleContext,
  describeSources,
  type TCheckStage,
  type TSeverity,
  type TRuleContext,
  type TRuleEnv,
  type TRuleHit,
  type TRule,
  type TFinding,
  type TPolicySourceId,
} from './ruleModel';
export * from './rules';
export * from './similarity';
export * from './codes';
export * from './schoolYear';
export { registerText, type TText, type TTextParam } from './text';
