import { planContent, plannedCounts } from '@lantern/core';

/** A stored plan revision's content (planned counts filled from policy when it was drafted). */
export const PlanContentStored = planContent.extend({ plannedCounts });
