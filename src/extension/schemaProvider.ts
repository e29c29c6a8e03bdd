/**
 * Serves the sidecar JSON Schema at its `$schema` id (newsmark-schema:/sidecar/v1.json), so that
 * VS Code's JSON editor validates sidecars offline, without fetching anything.
 */
import * as vscode from 'vscode';
import { SIDECAR_SCHEMA } from '../core';

export function registerSchemaProvider(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('newsmark-schema', {
      provideTextDocumentContent: (uri) =>
        uri.path === '/sidecar/v1.json' ? JSON.stringify(SIDECAR_SCHEMA, null, 2) : '',
    }),
  );
}
