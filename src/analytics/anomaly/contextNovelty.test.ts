/** @jest-environment node */
import { ContextNovelty } from './contextNovelty';

/** Observe one value and return its raw novelty. */
function novelty(c: ContextNovelty, value: number): number {
  c.observe(value);
  return c.novelty;
}

function trained(): ContextNovelty {
  const c = new ContextNovelty(12, 4);
  // A saw-tooth 0, 1, …, 11 repeated: every context of it is learnt in the warm-up.
  for (let i = 0; i < 240; i++) {
    c.learn(i % 12);
  }
  c.fit();
  return c;
}

describe('ContextNovelty', () => {
  it('says nothing before the range is fitted', () => {
    const c = new ContextNovelty();
    expect(novelty(c, 1)).toBeNaN();
  });

  it('finds a learnt pattern familiar and a never-seen level wholly novel', () => {
    const c = trained();
    for (let i = 0; i < 12; i++) {
      expect(novelty(c, i)).toBe(0);
    }
    expect(novelty(c, 40)).toBe(1); // far above the warm-up range: even the level itself is new
  });

  it('scores a known level in an unknown order as partly novel, and learns it', () => {
    const c = trained();
    for (let i = 0; i < 6; i++) {
      c.observe(i);
    }
    const jump = novelty(c, 2); // value 2 is known, but 5 → 2 never happened
    expect(jump).toBeGreaterThan(0);
    expect(jump).toBeLessThan(1);
    for (let i = 0; i < 6; i++) {
      c.observe(i);
    }
    expect(novelty(c, 2)).toBe(0); // seen once now
  });

  it('treats a gap as a break in the context', () => {
    const c = trained();
    expect(novelty(c, NaN)).toBeNaN();
    expect(novelty(c, 3)).toBe(0); // only the order-1 context is judged after the gap
  });
});
