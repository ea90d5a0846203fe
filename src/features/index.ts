import type { Feature } from './services';
import { registerBalanceReport } from './balanceReport';
import { registerCountingSettings } from './countingSettings';
import { registerCustomTraits } from './customTraits';
import { registerFeedback } from './feedback';
import { registerFollowUp } from './followUp';
import { registerGoals } from './goals';
import { registerNextStepHints } from './nextStepHints';
import { registerNewEntryCommands } from './newEntry';
import { registerRefresh } from './refresh';
import { registerReminder } from './reminder';
import { registerShowTraits } from './showTraits';
import { registerStatusBar } from './statusBar';
import { registerTagColors } from './tagColors';
import { registerTagCompletion } from './tagCompletion';
import { registerTagNavigation } from './tagNavigation';
import { registerTagRename } from './tagRename';
import { registerTraitHover } from './traitHover';
import { registerTraitsView } from './traitsView';
import { registerReviews } from './reviews';
import { registerFindEntries } from './findEntries';
import { registerExportEvidence } from './exportEvidence';

/**
 * Every feature of the extension, in the order activation registers them. Settings and your own
 * traits come first: the views below read them from the model when they first draw.
 */
export const FEATURES: readonly Feature[] = [
  registerCountingSettings,
  registerCustomTraits,
  registerTraitsView,
  registerStatusBar,
  registerTraitHover,
  registerTagCompletion,
  registerTagRename,
  registerTagNavigation,
  registerTagColors,
  registerNewEntryCommands,
  registerReviews,
  registerBalanceReport,
  registerGoals,
  registerFollowUp,
  registerFeedback,
  registerNextStepHints,
  registerReminder,
  registerFindEntries,
  registerExportEvidence,
  registerRefresh,
  registerShowTraits,
];
