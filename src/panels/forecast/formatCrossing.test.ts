import { formatCrossing, formatProbability } from './formatCrossing';

const h = 3_600_000;
const d = 24 * h;

describe('formatProbability', () => {
  test.each([
    [0, '<1 %'],
    [0.004, '<1 %'],
    [0.01, '1 %'],
    [0.904, '90 %'],
    [0.995, '>99 %'],
    [1, '>99 %'],
  ])('%p → %p', (p, text) => expect(formatProbability(p)).toBe(text));
});

describe('formatCrossing', () => {
  test.each([
    [{ timeToThresholdMs: 3 * d + 4 * h, probability: 0.9 }, '90 % in 3 d 4 h'],
    [{ timeToThresholdMs: 3 * d + 4 * h }, 'in 3 d 4 h'],
    [{ timeToThresholdMs: 0, probability: 1 }, 'already crossed'],
    [{ timeToThresholdMs: null, probability: 0.03, horizonMs: 5 * d }, 'not within 5 d (3 %)'],
    [{ timeToThresholdMs: null }, 'not within the horizon'],
    [{ probability: 0.4 }, '40 % within the horizon'],
    [{}, 'no crossing information'],
  ])('%p → %p', (facts, text) => expect(formatCrossing(facts)).toBe(text));
});
