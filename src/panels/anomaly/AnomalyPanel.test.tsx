import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';

import { createDataFrame, FieldType } from '@grafana/data';

import { framesFromJSON } from '../../../tests/browser/fixtures/loadFrames';
import { anomalyFrames } from '../../../tests/browser/fixtures/synthetic';
import { testPanelProps } from '../shared/testPanelProps';
import { AnomalyPanel } from './AnomalyPanel';
import { DEFAULT_ANOMALY_OPTIONS, type AnomalyOptions } from './types';

const options = (extra: Partial<AnomalyOptions> = {}) => ({ ...DEFAULT_ANOMALY_OPTIONS, ...extra });

describe('AnomalyPanel', () => {
  it('says "No data" without frames, or the user\'s "No value" text', () => {
    const { rerender } = render(<AnomalyPanel {...testPanelProps(options(), [])} />);
    expect(screen.getByText('No data')).toBeInTheDocument();
    const props = testPanelProps(options(), [], {
      fieldConfig: { defaults: { noValue: 'Nothing yet' }, overrides: [] },
    });
    rerender(<AnomalyPanel {...props} />);
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
  });

  it('shows the query error when the query failed', () => {
    render(
      <AnomalyPanel
        {...testPanelProps(options(), [], { errors: [{ message: 'upstream Prometheus timed out', refId: 'A' }] })}
      />
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Query failed');
    expect(screen.getByRole('alert')).toHaveTextContent('upstream Prometheus timed out');
  });

  it('explains frames it cannot draw', () => {
    const table = createDataFrame({ refId: 'B', fields: [{ name: 'value', type: FieldType.number, values: [1, 2] }] });
    render(<AnomalyPanel {...testPanelProps(options(), [table])} />);
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(screen.getByText(/Query B: the frame has no time field/)).toBeInTheDocument();
  });

  it('lists anomalous intervals most severe first and zooms to one on click', async () => {
    const props = testPanelProps(options(), framesFromJSON(anomalyFrames({ series: 3 })));
    render(<AnomalyPanel {...props} />);
    const list = screen.getByRole('region', { name: 'Anomalous intervals' });
    const rows = within(list).getAllByRole('button');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const peaks = rows.map((r) => Number(/peak score ([\d.]+)/.exec(r.getAttribute('aria-label')!)![1]));
    expect(peaks).toEqual([...peaks].sort((a, b) => b - a));
    // The first row names severity, series, start and duration for screen readers.
    expect(rows[0]).toHaveAccessibleName(/^critical anomaly in (checkout|payments|search), (above|below)/);

    await userEvent.click(rows[0]);
    expect(props.onChangeTimeRange).toHaveBeenCalledTimes(1);
    const { from, to } = props.onChangeTimeRange.mock.calls[0][0];
    const span = props.timeRange.to.valueOf() - props.timeRange.from.valueOf();
    expect(to - from).toBeLessThan(span / 4);
  });

  it('moves between intervals with the arrow keys and zooms with Enter', async () => {
    const props = testPanelProps(options(), framesFromJSON(anomalyFrames({ series: 3 })));
    render(<AnomalyPanel {...props} />);
    const rows = within(screen.getByRole('region', { name: 'Anomalous intervals' })).getAllByRole('button');
    rows[0].focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(rows[rows.length - 1]).toHaveFocus();
    await userEvent.keyboard('{Home}{Enter}');
    expect(rows[0]).toHaveFocus();
    expect(props.onChangeTimeRange).toHaveBeenCalledTimes(1);
  });

  it('says the detector is warming up while every score is NaN, and finds no intervals', () => {
    const frames = framesFromJSON(anomalyFrames({ series: 2, points: 40, warmupPoints: 40 }));
    render(<AnomalyPanel {...testPanelProps(options(), frames)} />);
    expect(screen.getByRole('note')).toHaveTextContent('still warming up');
    expect(screen.getByText('No anomalous intervals in this time range')).toBeInTheDocument();
  });

  it('draws only the top-N series by peak score and says so', () => {
    const frames = framesFromJSON(anomalyFrames({ series: 24, seed: 3 }));
    render(<AnomalyPanel {...testPanelProps(options({ topN: 5 }), frames)} />);
    expect(screen.getByRole('note')).toHaveTextContent('Top 5 of 24 series by peak anomaly score');
  });

  it('lists only the intervals of the drawn series and counts the others', () => {
    const frames = framesFromJSON(anomalyFrames({ series: 24, seed: 3 }));
    const all = render(<AnomalyPanel {...testPanelProps(options({ topN: 0 }), frames)} />);
    const allRows = within(screen.getByRole('region', { name: 'Anomalous intervals' })).getAllByRole('button');
    const allSeries = new Set(allRows.map((r) => /anomaly in (.+?), /.exec(r.getAttribute('aria-label')!)![1]));
    const total = Number(/^(\d+) anomalous/.exec(screen.getByText(/anomalous intervals?/).textContent!)![1]);
    all.unmount();

    render(<AnomalyPanel {...testPanelProps(options({ topN: 5 }), frames)} />);
    const region = screen.getByRole('region', { name: 'Anomalous intervals' });
    const rows = within(region).getAllByRole('button');
    const listed = new Set(rows.map((r) => /anomaly in (.+?), /.exec(r.getAttribute('aria-label')!)![1]));
    // The legend names the drawn series; every listed interval belongs to one of them.
    const legend = screen
      .getAllByRole('listitem')
      .filter((item) => !region.contains(item))
      .map((item) => item.textContent);
    expect(legend).toHaveLength(5);
    expect([...listed].every((name) => legend.includes(name))).toBe(true);
    expect(allSeries.size).toBeGreaterThan(listed.size);
    const notDrawn = total - rows.length;
    expect(notDrawn).toBeGreaterThan(0);
    expect(
      within(region).getByText(
        new RegExp(`^${rows.length} anomalous intervals? · ${notDrawn} more in series not drawn$`)
      )
    ).toBeInTheDocument();
  });

  it('marks intervals from the score when frames have no anomalous field', () => {
    const t = [0, 60_000, 120_000, 180_000];
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: t },
        { name: 'actual', type: FieldType.number, values: [1, 9, 1, 1], labels: { job: 'x' } },
        { name: 'expected', type: FieldType.number, values: [1, 1, 1, 1], labels: { job: 'x' } },
        { name: 'score', type: FieldType.number, values: [0, 0.8, 0.1, 0], labels: { job: 'x' } },
      ],
    });
    render(<AnomalyPanel {...testPanelProps(options(), [frame])} />);
    const rows = within(screen.getByRole('region', { name: 'Anomalous intervals' })).getAllByRole('button');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveAccessibleName(/^major anomaly in x, above the expected band, .* for 1 min, peak score 0.80/);
  });
});
