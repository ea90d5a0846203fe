import * as vscode from 'vscode';
import { fiscalYearStartMonth } from './config';
import { DayRange, PERIOD_CHOICES, PeriodChoice, describeRange, parseRange, periodChoiceLabel, rangeOf } from './core/findEntries';

// The period Find Entries and Export Evidence ask for: from their argument, or picked.

interface PeriodPick extends vscode.QuickPickItem {
  readonly choice?: PeriodChoice;
}

/** The argument of Find Entries and Export Evidence: a period without questions. */
export interface PeriodArgument {
  readonly period?: unknown;
  readonly from?: unknown;
  readonly to?: unknown;
}

/** `{ period: "month" }`, `{ from: "2026-01-01", to: "2026-03-31" }`, or nothing (all time). */
export function periodFromArgument(arg: PeriodArgument, now = new Date()): DayRange | { error: string } {
  if (arg.from !== undefined || arg.to !== undefined) {
    if (typeof arg.from !== 'string' || (arg.to !== undefined && typeof arg.to !== 'string')) return { error: vscode.l10n.t('"from" and "to" must be days written YYYY-MM-DD.') };
    return parseRange(`${arg.from} to ${(arg.to as string | undefined) ?? arg.from}`, now);
  }
  if (arg.period === undefined) return rangeOf('all', now);
  if (typeof arg.period !== 'string' || !(PERIOD_CHOICES as readonly string[]).includes(arg.period)) {
    return { error: vscode.l10n.t('"period" must be one of {0}.', PERIOD_CHOICES.join(', ')) };
  }
  return rangeOf(arg.period as PeriodChoice, now, fiscalYearStartMonth());
}

/** This week, month, quarter or year, all time, or a custom range typed as `YYYY-MM-DD to YYYY-MM-DD`. */
export async function pickPeriod(title: string): Promise<DayRange | undefined> {
  const now = new Date();
  const items: PeriodPick[] = [
    ...PERIOD_CHOICES.map((choice) => ({ label: periodChoiceLabel(choice), description: describeRange(rangeOf(choice, now, fiscalYearStartMonth())), choice })),
    { label: vscode.l10n.t('Custom range…'), description: vscode.l10n.t('YYYY-MM-DD to YYYY-MM-DD') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which period?') });
  if (!picked) return undefined;
  if (picked.choice) return rangeOf(picked.choice, new Date(), fiscalYearStartMonth());
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Two days, the first not after the second, e.g. 2026-01-01 to 2026-03-31.'),
    placeHolder: 'YYYY-MM-DD to YYYY-MM-DD',
    validateInput: (value) => {
      const range = parseRange(value, new Date());
      return 'error' in range ? range.error : { message: describeRange(range), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (typed === undefined) return undefined;
  const range = parseRange(typed, new Date());
  return 'error' in range ? undefined : range;
}
