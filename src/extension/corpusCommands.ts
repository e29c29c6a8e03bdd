/**
 * Corpus commands: open the report, search where a name is cited or mentioned, rebuild the index,
 * and the user's corrections of the grouping (merge two entities, split a form off its entity).
 */
import * as vscode from 'vscode';
import type { CorpusEntity } from '../core';
import type { CommandTable } from './commands';
import type { CorpusIndex } from './corpusIndex';
import type { CorpusReportView } from './corpusReportView';
import type { CorpusNode } from './corpusView';
import { t, tn } from './i18n';
import { reveal } from './navigationCommands';

export interface Place {
  article: string;
  start: number;
  end: number;
  label: string;
  detail: string;
}

type EntityNode = Extract<CorpusNode, { kind: 'entity' }>;

export class CorpusCommands {
  constructor(
    private readonly index: CorpusIndex,
    private readonly report: CorpusReportView,
  ) {}

  table(): CommandTable {
    return {
      'newsmark.openCorpusReport': () => this.report.open(),
      'newsmark.searchCorpus': (args?: { name?: string; open?: number }) => this.search(args),
      'newsmark.rebuildCorpusIndex': () => this.index.rebuild(),
      'newsmark.mergeEntity': (node?: EntityNode, other?: string) => this.merge(node, other),
      'newsmark.splitEntity': (node?: EntityNode, forms?: string[]) => this.split(node, forms),
    };
  }

  /** Where a source is cited and an entity mentioned, across the corpus. */
  placesOf(name: string): Place[] {
    const r = this.index.report();
    const places: Place[] = [];
    for (const s of r.statementList ?? [])
      if (s.source === name)
        places.push({
          article: s.article,
          start: s.start,
          end: s.end,
          label: `$(quote) ${s.cue}: ${s.content}`,
          detail: s.article,
        });
    const e = r.entities.find((x) => x.name === name);
    for (const p of e?.places ?? [])
      if (!places.some((q) => q.article === p.article))
        places.push({ ...p, label: `$(symbol-field) ${e!.name}`, detail: p.article });
    return places;
  }

  private async search(args?: { name?: string; open?: number }): Promise<Place[] | undefined> {
    if (!(await this.index.ensure())) return undefined;
    const r = this.index.report();
    let name = args?.name;
    if (!name) {
      const items = [
        ...r.sources
          .filter((s) => s.kind !== 'none')
          .map((s) => ({
            label: s.name,
            description: `${s.kind} · ${tn(s.statements, '{0} statement|{0} statements')}`,
            name: s.name,
          })),
        ...r.entities.map((e) => ({
          label: e.name,
          description: `${e.type} · ${e.mentions}×`,
          detail: e.aliases.length ? t('also {0}', e.aliases.join(', ')) : undefined,
          name: e.name,
        })),
      ];
      name = (
        await vscode.window.showQuickPick(items, {
          title: t('Newsmark: where is it cited or mentioned?'),
          matchOnDetail: true,
        })
      )?.name;
    }
    if (!name) return undefined;
    const places = this.placesOf(name);
    // A script names the place to open (or none: it gets the places); a person picks one.
    if (args?.name !== undefined && args.open === undefined) return places;
    const pick =
      args?.name !== undefined
        ? args.open
        : (
            await vscode.window.showQuickPick(
              places.map((p, i) => ({ label: p.label, description: p.detail, i })),
              { title: tn(places.length, '{1}: {0} place|{1}: {0} places', name), matchOnDescription: true },
            )
          )?.i;
    const p = pick === undefined ? undefined : places[pick];
    const file = p && this.index.fileOf(p.article);
    if (p && file) await reveal(vscode.Uri.file(file).toString(), p.start, p.end);
    return places;
  }

  private async pickEntity(title: string, type?: string, except?: string): Promise<CorpusEntity | undefined> {
    const list = this.index.report().entities.filter((e) => (!type || e.type === type) && e.name !== except);
    return (
      await vscode.window.showQuickPick(
        list.map((e) => ({ label: e.name, description: `${e.type} · ${e.mentions}×`, e })),
        { title },
      )
    )?.e;
  }

  private async merge(node?: EntityNode, otherName?: string): Promise<void> {
    if (!(await this.index.ensure())) return;
    const a = node?.entity ?? (await this.pickEntity(t('Newsmark: merge which entity?')));
    if (!a) return;
    const b =
      otherName ?? (await this.pickEntity(t('Newsmark: {0} is the same as…', a.name), a.type, a.name))?.name;
    if (!b) return;
    await this.index.setChoices((c) => {
      c.merge.push([a.name, b]);
      c.split = c.split.filter((n) => n !== a.name && n !== b);
    });
  }

  private async split(node?: EntityNode, forms?: string[]): Promise<void> {
    if (!(await this.index.ensure())) return;
    const e = node?.entity ?? (await this.pickEntity(t('Newsmark: split which entity?')));
    if (!e) return;
    const picked =
      forms ??
      (await vscode.window.showQuickPick(e.aliases, {
        title: t('Newsmark: which forms are not {0}?', e.name),
        canPickMany: true,
      }));
    if (!picked?.length) return;
    await this.index.setChoices((c) => {
      c.split = [...new Set([...c.split, ...picked])].sort();
      c.merge = c.merge.filter((list) => !list.some((n) => picked.includes(n)));
    });
  }
}
