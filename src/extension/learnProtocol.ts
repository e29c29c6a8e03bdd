/** Messages between the extension host and the learning worker (learnWorker.ts). */
import type { ModelTask, RoleScores, SidecarLocation } from '../core';

export interface LearnJob {
  job: 'train' | 'rank';
  files: string[];
  location: SidecarLocation;
  /** The workspace's model files by task: read (the findings users reviewed came from them), and written. */
  modelFiles: Record<ModelTask, string>;
  epochs?: number;
  /** Train without cross-validating first. */
  quick?: boolean;
}

export interface TrainReport {
  documents: number;
  spans: number;
  languages: string[];
  rulesWeight: number;
  /** Cross-validated micro-F1 of the learned model and of the rules alone (not in quick mode). */
  scores?: { folds: number; model: number; rules: number };
  /** The attribution model, when the articles hold attributions to learn from. */
  attribution?: {
    attributions: number;
    rulesWeight: number;
    /** Cross-validated character-overlap F1 per role, learned and rules alone (not in quick mode). */
    scores?: { folds: number; model: RoleScores; rules: RoleScores };
  };
  seconds: number;
}

/** An unreviewed article and how sure the models were of its findings (mean; lower = review first). */
export interface RankedArticle {
  file: string;
  confidence?: number;
  entities: number;
}

export type LearnReply =
  | { kind: 'progress'; message: string; args?: (string | number)[]; fraction?: number }
  | { kind: 'tooFew'; documents: number; needed: number }
  | { kind: 'trained'; report: TrainReport }
  | { kind: 'ranked'; articles: RankedArticle[] }
  | { kind: 'error'; error: string };
