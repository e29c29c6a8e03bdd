/**
 * The training loop both taggers share: shuffled mini-batches of sentences (or paragraphs),
 * dropout, Adam, the learning rate decayed each epoch. Deterministic for a seed.
 */
import { FEATURE_ROWS } from './features';
import { Adam, Net, type NetShape, rng, type SeqInput } from './net';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  hidden?: number;
  emb?: number;
  windows?: number;
  /** How far each window layer sees (see NetShape.dilations). */
  dilations?: number[];
  lr?: number;
  dropout?: number;
  batch?: number;
  /** Quick training: choices made on one held-out fifth even with little data (fewer models trained). */
  quick?: boolean;
  /** After each epoch; `network` is which of an ensemble's networks is being trained (1-based), and of how many. */
  onEpoch?: (epoch: number, loss: number, network?: { k: number; of: number }) => void;
  isCancelled?: () => boolean;
}

/** A task's network shape: its dense features and tags, and the sizes asked for or the task's own. */
export function shapeFor(
  task: { dense: number; tags: number },
  o: TrainOptions,
  d: { hidden: number; windows: number; dilations?: number[] },
): NetShape {
  const windows = o.windows ?? d.windows;
  // Dilations asked for, else the task's own where the windows are its own; plain layers otherwise.
  const dilations = o.dilations ?? (windows === d.windows ? d.dilations : undefined);
  return {
    rows: FEATURE_ROWS,
    emb: o.emb ?? 24,
    dense: task.dense,
    hidden: o.hidden ?? d.hidden,
    windows,
    // One for each layer (a layer not given one sees its neighbours), as the model file requires.
    ...(dilations?.some((x) => x !== 1)
      ? { dilations: Array.from({ length: windows }, (_, l) => dilations[l] ?? 1) }
      : {}),
    tags: task.tags,
  };
}

/** One sequence and its gold tags. */
export interface Example {
  input: SeqInput;
  gold: Int32Array;
}

/** Each task's defaults: epochs and learning rate, and the fewest steps little data is trained for. */
export interface TrainDefaults {
  epochs: number;
  lr: number;
  /** Little data makes few steps an epoch: at least this many steps in all, unless told the epochs. */
  minSteps: number;
}

const MAX_EPOCHS = 40;

export function epochsFor(sequences: number, batch: number, d: TrainDefaults): number {
  const perEpoch = Math.max(1, Math.ceil(sequences / batch));
  return Math.min(MAX_EPOCHS, Math.max(d.epochs, Math.ceil(d.minSteps / perEpoch)));
}

export function trainNet(data: Example[], shape: NetShape, o: TrainOptions, defaults: TrainDefaults): Net {
  const seed = o.seed ?? 1;
  const net = new Net(shape, seed);
  const adam = new Adam(net, o.lr ?? defaults.lr);
  const r = rng(seed + 1);
  const batch = o.batch ?? 8;
  const epochs = o.epochs ?? epochsFor(data.length, batch, defaults);
  // The learning rate falls as much over the whole training as over the default epochs.
  const decay = 0.85 ** (defaults.epochs / epochs);
  const g = new Float32Array(net.p.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = data.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    let tokens = 0;
    for (let b = 0; b < order.length; b += batch) {
      if (o.isCancelled?.()) return net;
      g.fill(0);
      const ge = net.e.map(() => new Map<number, Float32Array>());
      const items = order.slice(b, b + batch).map((k) => data[k]);
      const n = items.reduce((s, it) => s + it.input.n, 0);
      for (const it of items) {
        const tr = net.forward(it.input, o.dropout ?? 0.3, r);
        loss += net.backward(it.input, tr, it.gold, 1 / n, g, ge);
      }
      tokens += n;
      adam.apply(g, ge);
    }
    adam.lr *= decay;
    o.onEpoch?.(epoch + 1, loss / Math.max(1, tokens));
  }
  return net;
}
