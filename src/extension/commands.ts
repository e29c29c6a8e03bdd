/**
 * Commands in one table, registered in one loop with one error wrapper: a failing command shows
 * one notification (not one from the handler and one from VS Code) and is logged.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from './commandIds';
import { t } from './i18n';

// biome-ignore lint/suspicious/noExplicitAny: handlers take the arguments their callers pass
export type Handler = (...args: any[]) => unknown;
export type CommandTable = Partial<Record<CommandId, Handler>>;

/** An error whose message the user has already been shown: the wrapper only logs it. */
export class ShownError extends Error {}

export function registerCommands(table: CommandTable, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const missing = COMMAND_IDS.filter((id) => !table[id]);
  if (missing.length) throw new Error(`commands without a handler: ${missing.join(', ')}`);
  return COMMAND_IDS.map((id) => {
    const handler = table[id] as Handler;
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (e) {
        const err = e as Error;
        log.error(`${id} failed: ${err.stack ?? err.message}`);
        if (!(e instanceof ShownError)) void vscode.window.showErrorMessage(t('Newsmark: {0}', err.message));
        return undefined;
      }
    });
  });
}
