import {
  CONDITION_RULE_IDS,
  INTERACTION_CLASSES,
  MINIMUM_AGE_RULE_ID,
  type ContraindicationRuleId,
  type InteractionRuleId,
} from '../intake/contraindications/rule-ids.js';

const INTERACTION_RULE_IDS = INTERACTION_CLASSES.map((drugClass): InteractionRuleId => `interaction_${drugClass}`);

/**
 * Every contraindication rule id the engine answers for (packages/core/src/intake), in its order:
 * minimum age, the condition rules, the interaction rules. Clearances and overrides name one of these.
 */
export const CONTRAINDICATION_RULE_IDS = [MINIMUM_AGE_RULE_ID, ...CONDITION_RULE_IDS, ...INTERACTION_RULE_IDS] as [
  ContraindicationRuleId,
  ...ContraindicationRuleId[],
];

/** True when `value` names a contraindication rule. */
export function isContraindicationRuleId(value: string): value is ContraindicationRuleId {
  return (CONTRAINDICATION_RULE_IDS as readonly string[]).includes(value);
}
