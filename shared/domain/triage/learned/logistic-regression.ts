/**
 * Issue 11, the learned second reader's training (npm run triage:train, and the experiment): a binary logistic regression over hashed features
 * (hashed-features.ts), trained by stochastic gradient descent with L2 weight decay. Deterministic:
 * the order of the examples in each epoch comes from a seeded generator, so the same examples give
 * the same weights on every run. Used offline only: the triage reads the committed weights.
 */
import { FEATURE_COUNT } from './hashed-features';

export type Example = { features: readonly number[]; label: 0 | 1 };
export type TrainOptions = { epochs: number; learningRate: number; l2: number; seed: number };
export type LogisticModel = { weights: Float64Array };

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 30, learningRate: 0.2, l2: 1e-4, seed: 11 };

export function trainLogistic(examples: readonly Example[], options = DEFAULT_TRAIN_OPTIONS): LogisticModel {
  const weights = new Float64Array(FEATURE_COUNT);
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    // A step that shrinks with the epochs settles the weights instead of circling.
    const rate = options.learningRate / (1 + epoch / 5);
    for (const i of order) {
      const { features, label } = examples[i]!;
      const error = label - sigmoid(score(weights, features));
      for (const f of features) weights[f]! += rate * (error - options.l2 * weights[f]!);
    }
  }
  return { weights };
}

/** The probability that the fact holds. */
export function predictLogistic(model: LogisticModel, features: readonly number[]): number {
  return sigmoid(score(model.weights, features));
}

/** How many weights are not zero: the model's real size. */
export function nonZeroWeights(model: LogisticModel): number {
  let n = 0;
  for (const w of model.weights) if (w !== 0) n++;
  return n;
}

function score(weights: Float64Array, features: readonly number[]): number {
  let s = 0;
  for (const f of features) s += weights[f]!;
  return s;
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Fisher-Yates with the given generator. */
function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}

/** A small seeded generator (mulberry32): no Math.random, so runs repeat exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
