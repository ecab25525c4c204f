/** @jest-environment node */
import { ByteLruCache } from './byteLruCache';

describe('ByteLruCache', () => {
  it('evicts the least recently used entries to stay within its byte budget', () => {
    const cache = new ByteLruCache<string>(100);
    cache.set('a', 'A', 20, 1000, 0);
    cache.set('b', 'B', 20, 1000, 0);
    cache.set('c', 'C', 20, 1000, 0);
    expect(cache.get('a', 1)).toBe('A'); // a is now the most recently used
    cache.set('d', 'D', 25, 1000, 1);
    cache.set('e', 'E', 25, 1000, 1);
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toBe('A');
    expect(cache.get('e', 2)).toBe('E');
    expect(cache.stats().evictions).toBe(1);
  });

  it('forgets entries after their time to live', () => {
    const cache = new ByteLruCache<number>(100);
    cache.set('recent', 1, 10, 10_000, 0);
    expect(cache.get('recent', 9_999)).toBe(1);
    expect(cache.get('recent', 10_000)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('does not keep an entry larger than a quarter of the budget, nor one with no time to live', () => {
    const cache = new ByteLruCache<number>(100);
    cache.set('small', 1, 10, 1000, 0);
    cache.set('huge', 2, 26, 1000, 0);
    cache.set('never', 3, 1, 0, 0);
    expect(cache.get('huge', 0)).toBeUndefined();
    expect(cache.get('never', 0)).toBeUndefined();
    expect(cache.get('small', 0)).toBe(1);
  });

  it('replaces an entry under the same key and counts its bytes once', () => {
    const cache = new ByteLruCache<number>(100);
    cache.set('k', 1, 10, 1000, 0);
    cache.set('k', 2, 15, 1000, 0);
    expect(cache.get('k', 0)).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 15 });
  });

  it('with keepUsedWithinMs, does not evict entries in use to make room: the newcomer is not kept, unless old entries can go', () => {
    const cache = new ByteLruCache<string>(100);
    const keep = { keepUsedWithinMs: 60_000 };
    for (const key of ['a', 'b', 'c', 'd']) {
      expect(cache.set(key, key, 25, 3_600_000, 0, keep)).toBe(true);
    }
    // A fifth series of the same query a minute later: the others were used just now, so it is not kept.
    expect(cache.get('a', 30_000)).toBe('a');
    expect(cache.set('e', 'e', 25, 3_600_000, 30_000, keep)).toBe(false);
    expect(cache.get('e', 30_000)).toBeUndefined();
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key, 50_000))).toEqual(['a', 'b', 'c', 'd']);
    // Replacing an entry in use frees its own bytes first.
    expect(cache.set('b', 'B', 25, 3_600_000, 50_000, keep)).toBe(true);
    // Once entries have not been used for longer than keepUsedWithinMs, they make room as usual.
    expect(cache.set('e', 'e', 25, 3_600_000, 200_000, keep)).toBe(true);
    expect(cache.get('a', 200_000)).toBeUndefined();
    expect(cache.get('e', 200_000)).toBe('e');
  });
});
