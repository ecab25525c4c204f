import { render, screen, within } from '@testing-library/react';
import React from 'react';

import { createDataFrame, FieldType } from '@grafana/data';

import { framesFromJSON } from '../../../tests/browser/fixtures/loadFrames';
import { forecastFrames } from '../../../tests/browser/fixtures/synthetic';
import { testPanelProps } from '../shared/testPanelProps';
import { ForecastPanel } from './ForecastPanel';
import { DEFAULT_FORECAST_OPTIONS, type ForecastOptions } from './types';

const options = (extra: Partial<ForecastOptions> = {}) => ({ ...DEFAULT_FORECAST_OPTIONS, ...extra });
const h = 3_600_000;

describe('ForecastPanel', () => {
  it('says "No data" without frames and shows query errors', () => {
    const { rerender } = render(<ForecastPanel {...testPanelProps(options(), [])} />);
    expect(screen.getByText('No data')).toBeInTheDocument();
    rerender(<ForecastPanel {...testPanelProps(options(), [], { errors: [{ message: 'bad PromQL', refId: 'A' }] })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('bad PromQL');
  });

  it('calls out the crossing, model, horizon and interval from meta.custom', () => {
    const frames = framesFromJSON(forecastFrames({ series: 1 }));
    const custom = frames[0].meta!.custom!;
    render(<ForecastPanel {...testPanelProps(options(), frames)} />);
    const crossings = screen.getByRole('list', { name: 'Predicted threshold crossings' });
    const probability = Math.round(custom.thresholdProbability * 100);
    expect(crossings).toHaveTextContent(new RegExp(`^${probability} % in \\d+ d( \\d+ h)? to reach 90`));
    expect(screen.getByTestId('foresight-forecast-header')).toHaveTextContent(
      'model holt · horizon 5 d · 95 % interval'
    );
  });

  it('lists several series soonest crossing first and names them', () => {
    const frames = framesFromJSON(forecastFrames({ series: 4 }));
    const soonest = frames
      .filter((f) => typeof f.meta?.custom?.timeToThresholdMs === 'number')
      .sort((a, b) => a.meta!.custom!.timeToThresholdMs - b.meta!.custom!.timeToThresholdMs)
      .map((f) => f.fields[1].labels!.device);
    expect(soonest.length).toBeGreaterThan(1);
    render(<ForecastPanel {...testPanelProps(options(), frames)} />);
    const items = within(screen.getByRole('list', { name: 'Predicted threshold crossings' })).getAllByRole('listitem');
    // Three call-outs, then "+1 more".
    expect(items).toHaveLength(4);
    expect(items[3]).toHaveTextContent('+1 more');
    soonest.slice(0, 3).forEach((device, i) => expect(items[i]).toHaveTextContent(new RegExp(`· ${device}$`)));
  });

  it('finds the crossing itself for a threshold set in the panel when frames carry none', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [0, h, 2 * h, 3 * h, 4 * h] },
        { name: 'actual', type: FieldType.number, values: [50, 60, 70, null, null] },
        { name: 'forecast', type: FieldType.number, values: [null, null, 70, 80, 100] },
      ],
    });
    render(<ForecastPanel {...testPanelProps(options({ threshold: 90 }), [frame])} />);
    expect(screen.getByRole('list', { name: 'Predicted threshold crossings' })).toHaveTextContent(
      'in 1 h 30 min to reach 90'
    );
  });

  it('says when no threshold is set', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [0, h] },
        { name: 'forecast', type: FieldType.number, values: [1, 2] },
      ],
    });
    render(<ForecastPanel {...testPanelProps(options(), [frame])} />);
    expect(screen.getByText('No threshold set')).toBeInTheDocument();
  });
});
