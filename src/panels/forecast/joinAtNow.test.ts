import { joinAtNow } from './joinAtNow';

describe('joinAtNow', () => {
  it('starts forecast and cone at the last observed value', () => {
    const actual = [1, 2, null, null];
    const lines = { forecast: [null, null, 3, 4], lower: [null, null, 2.5, 3], upper: [null, null, 3.5, 5] };
    expect(joinAtNow(actual, lines)).toEqual({
      forecast: [null, 2, 3, 4],
      lower: [null, 2, 2.5, 3],
      upper: [null, 2, 3.5, 5],
    });
    // The input is left as it was.
    expect(lines.forecast).toEqual([null, null, 3, 4]);
  });

  it('skips trailing gaps in the history and treats NaN as missing', () => {
    expect(joinAtNow([1, 2, NaN, null, null], { forecast: [NaN, null, null, 5, 6] }).forecast).toEqual([
      NaN,
      2,
      null,
      5,
      6,
    ]);
  });

  it('leaves lines that already meet, or have nothing to join, unchanged', () => {
    const meeting = { forecast: [null, 2, 3] };
    expect(joinAtNow([1, 2, null], meeting)).toBe(meeting);
    const overlapping = { forecast: [null, 2, 3] };
    expect(joinAtNow([1, 2, 2.5], overlapping)).toBe(overlapping);
    const noHistory = { forecast: [null, 2, 3] };
    expect(joinAtNow([null, null, null], noHistory)).toBe(noHistory);
    const noForecast = { forecast: [null, null, null] };
    expect(joinAtNow([1, 2, 3], noForecast)).toBe(noForecast);
  });
});
