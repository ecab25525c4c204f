/** @jest-environment node */
import { SettingsError } from '../settings/parseSettings';
import { checkHealth } from './checkHealth';

const context = { signal: new AbortController().signal };

describe('checkHealth without a network', () => {
  it('says that no upstream is configured, with JSON-object details', async () => {
    const result = await checkHealth(null, context, () => ({
      settings: { defaultTraining: '7d', defaultSensitivity: 0.5, maxSeries: 500, maxPoints: 2_000_000 },
      clients: {},
    }));
    expect(result.status).toBe('ERROR');
    expect(result.message).toMatch(/No upstream is configured/);
    expect(result.details).toEqual({ problem: 'not-configured' });
  });

  it('reports invalid settings with the key to fix', async () => {
    const result = await checkHealth(null, context, () => {
      throw new SettingsError('jsonData.maxSeries must be a positive number, got -1.');
    });
    expect(result.status).toBe('ERROR');
    expect(result.message).toContain('jsonData.maxSeries');
    expect(result.details).toEqual({ problem: 'invalid-settings' });
  });
});
