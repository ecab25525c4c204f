/**
 * Browser-side half of the harness: renders one panel scenario the way Grafana would — inside ThemeContext with
 * GlobalStyles, in a PanelChrome, with the data run through applyFieldOverrides — and reports to the spec through
 * `window.__harness`. Entries (entries/*.tsx) call `mountScenarios` with their scenarios.
 */
import React, { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

import {
  type AbsoluteTimeRange,
  applyFieldOverrides,
  createTheme,
  type DashboardCursorSync,
  type DataFrame,
  type DataQueryError,
  dateTime,
  EventBusSrv,
  type FieldConfigSource,
  type GrafanaTheme2,
  LoadingState,
  type PanelData,
  type PanelPlugin,
  ThemeContext,
  type TimeRange,
} from '@grafana/data';
import { GlobalStyles, PanelChrome, type PanelContext, PanelContextProvider } from '@grafana/ui';

import { registerStandardFieldConfigs } from './standardFieldConfigs';

registerStandardFieldConfigs();

/** Reports a panel that throws while rendering, so the spec fails with the panel's error instead of a timeout. */
class ReportErrors extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    window.__harness.error = `${error.message}\n${error.stack}`;
  }
  override render() {
    return this.state.error ? <pre>{String(this.state.error)}</pre> : this.props.children;
  }
}

export interface Scenario {
  /** The panel plugin under test (the real `plugin` export of a module.ts). */
  plugin: PanelPlugin<any, any>;
  title?: string;
  /** Panel options; the panel's own defaults are merged in by the entry. */
  options: object;
  fieldConfig?: FieldConfigSource;
  /**
   * The frames a query would return; may be async (e.g. fetched from a JSON fixture). A loader may also return the
   * dashboard time range the frames were queried for (real backend output), which then overrides `timeRange`.
   */
  frames: () => DataFrame[] | Promise<DataFrame[] | LoadedFrames>;
  /** Defaults to the span of the frames' time fields. */
  timeRange?: { from: number; to: number };
  errors?: DataQueryError[];
  width?: number;
  height?: number;
}

/** Frames with the time range they were queried for. */
export interface LoadedFrames {
  frames: DataFrame[];
  timeRange?: { from: number; to: number };
}

export interface HarnessState {
  ready: boolean;
  error?: string;
  /** Milliseconds spent in applyFieldOverrides. */
  prepMs?: number;
  /** Milliseconds from `root.render` to two animation frames after the panel mounted (canvas drawn). */
  renderMs?: number;
  /** Every onChangeTimeRange call the panel made (e.g. a click on an anomalous interval). */
  timeRangeChanges: AbsoluteTimeRange[];
  /** Option changes the panel requested. */
  optionChanges: object[];
}

declare global {
  interface Window {
    __harness: HarnessState;
  }
}

/**
 * Grafana fills a panel's field config with the plugin's defaults (colour scheme, custom draw options) when it
 * loads the panel; the harness does the same from the plugin's field config registry.
 */
function withPluginDefaults(plugin: PanelPlugin<any, any>, source: FieldConfigSource): FieldConfigSource {
  const defaults: Record<string, any> = { custom: {} };
  for (const item of plugin.fieldConfigRegistry.list()) {
    if (item.defaultValue === undefined) {
      continue;
    }
    setPath(item.isCustom ? defaults.custom : defaults, item.path, item.defaultValue);
  }
  return {
    ...source,
    defaults: { ...defaults, ...source.defaults, custom: { ...defaults.custom, ...(source.defaults.custom ?? {}) } },
  };
}

/** Sets `a.b.c` paths as Grafana's options builder does for nested options. */
function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node = node[key] ??= {};
  }
  node[keys[keys.length - 1]] = value;
}

function frameSpan(frames: DataFrame[]): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === 'time');
    if (time && time.values.length) {
      from = Math.min(from, time.values[0]);
      to = Math.max(to, time.values[time.values.length - 1]);
    }
  }
  return Number.isFinite(from) ? { from, to } : { from: Date.UTC(2024, 5, 3, 0), to: Date.UTC(2024, 5, 3, 12) };
}

function toTimeRange(span: { from: number; to: number }): TimeRange {
  const from = dateTime(span.from);
  const to = dateTime(span.to);
  return { from, to, raw: { from, to } };
}

interface PreparedPanel {
  scenario: Scenario;
  data: PanelData;
  fieldConfig: FieldConfigSource;
  timeRange: TimeRange;
}

/** Loads a scenario's frames and applies the field config as Grafana's query runner does. */
async function preparePanel(scenario: Scenario, theme: GrafanaTheme2): Promise<PreparedPanel> {
  const loaded = await scenario.frames();
  const rawFrames = Array.isArray(loaded) ? loaded : loaded.frames;
  const loadedRange = Array.isArray(loaded) ? undefined : loaded.timeRange;
  const fieldConfig = withPluginDefaults(scenario.plugin, scenario.fieldConfig ?? { defaults: {}, overrides: [] });
  const prepStart = performance.now();
  const series = applyFieldOverrides({
    data: rawFrames,
    fieldConfig,
    fieldConfigRegistry: scenario.plugin.fieldConfigRegistry,
    replaceVariables: (value: string) => value,
    theme,
    timeZone: 'utc',
  });
  window.__harness.prepMs = (window.__harness.prepMs ?? 0) + performance.now() - prepStart;
  const timeRange = toTimeRange(loadedRange ?? scenario.timeRange ?? frameSpan(rawFrames));
  const data: PanelData = {
    state: scenario.errors?.length ? LoadingState.Error : LoadingState.Done,
    series,
    errors: scenario.errors,
    timeRange,
  };
  return { scenario, data, fieldConfig, timeRange };
}

/** One panel in its PanelChrome, with the callbacks reporting to `window.__harness`. */
function HarnessPanel({
  prepared,
  id,
  title,
  width,
  height,
}: {
  prepared: PreparedPanel;
  id: number;
  title: string;
  width: number;
  height: number;
}) {
  const { scenario, data, fieldConfig, timeRange } = prepared;
  const Panel = scenario.plugin.panel!;
  const eventBus = React.useMemo(() => new EventBusSrv(), []);
  return (
    <PanelChrome title={title} width={width} height={height}>
      {(innerWidth, innerHeight) => (
        <Panel
          id={id}
          data={data}
          timeRange={timeRange}
          timeZone="utc"
          options={scenario.options}
          fieldConfig={fieldConfig}
          transparent={false}
          width={innerWidth}
          height={innerHeight}
          renderCounter={0}
          title={title}
          eventBus={eventBus}
          replaceVariables={(value: string) => value}
          onOptionsChange={(options: object) => window.__harness.optionChanges.push(options)}
          onFieldConfigChange={() => {}}
          onChangeTimeRange={(range: AbsoluteTimeRange) => window.__harness.timeRangeChanges.push(range)}
        />
      )}
    </PanelChrome>
  );
}

/** Sets `ready` (and `renderMs`) two animation frames after mounting, when uPlot has drawn. */
function Mounted({ children, renderStart }: { children: React.ReactNode; renderStart: number }) {
  useEffect(() => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.__harness.renderMs = performance.now() - renderStart;
        window.__harness.ready = true;
      })
    );
  }, [renderStart]);
  return <>{children}</>;
}

function pageSetup(params: URLSearchParams): GrafanaTheme2 {
  const mode = params.get('theme') === 'light' ? 'light' : 'dark';
  const theme = createTheme({ colors: { mode } });
  document.body.style.margin = '0';
  document.body.style.background = theme.colors.background.canvas;
  return theme;
}

/** Mounts the scenario named by `?scenario=` (theme from `?theme=light|dark`, size from `?width=&height=`). */
export async function mountScenarios(scenarios: Record<string, Scenario>): Promise<void> {
  window.__harness = { ready: false, timeRangeChanges: [], optionChanges: [] };
  try {
    const params = new URLSearchParams(window.location.search);
    const name = params.get('scenario') ?? Object.keys(scenarios)[0];
    const scenario = scenarios[name];
    if (!scenario) {
      throw new Error(`Unknown scenario "${name}"; this entry has: ${Object.keys(scenarios).join(', ')}`);
    }
    const theme = pageSetup(params);
    const width = Number(params.get('width') ?? scenario.width ?? 900);
    const height = Number(params.get('height') ?? scenario.height ?? 420);
    const prepared = await preparePanel(scenario, theme);
    const renderStart = performance.now();
    createRoot(document.getElementById('root')!).render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <div id="harness-root" style={{ padding: 16, width: width + 32, background: theme.colors.background.canvas }}>
          <ReportErrors>
            <Mounted renderStart={renderStart}>
              <HarnessPanel prepared={prepared} id={1} title={scenario.title ?? name} width={width} height={height} />
            </Mounted>
          </ReportErrors>
        </div>
      </ThemeContext.Provider>
    );
  } catch (e) {
    window.__harness.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  }
}

/** Several panels on one dashboard, with the dashboard's "Graph tooltip" setting. */
export interface DashboardScenario {
  panels: Scenario[];
  /** Dashboard cursor sync: what Grafana's panel context passes to every panel. */
  sync: DashboardCursorSync;
}

/**
 * Mounts the dashboard named by `?scenario=`: its panels stacked, each in a PanelChrome, all inside one panel
 * context as Grafana's dashboard provides it (shared `eventsScope`, `sync` from the dashboard setting).
 * Panels get the ids 1, 2, ... and `data-panel-id` on their wrapper.
 */
export async function mountDashboards(dashboards: Record<string, DashboardScenario>): Promise<void> {
  window.__harness = { ready: false, timeRangeChanges: [], optionChanges: [] };
  try {
    const params = new URLSearchParams(window.location.search);
    const name = params.get('scenario') ?? Object.keys(dashboards)[0];
    const dashboard = dashboards[name];
    if (!dashboard) {
      throw new Error(`Unknown scenario "${name}"; this entry has: ${Object.keys(dashboards).join(', ')}`);
    }
    const theme = pageSetup(params);
    const width = Number(params.get('width') ?? 900);
    const prepared = await Promise.all(dashboard.panels.map((panel) => preparePanel(panel, theme)));
    const context: PanelContext = { eventsScope: 'global', eventBus: new EventBusSrv(), sync: () => dashboard.sync };
    const renderStart = performance.now();
    createRoot(document.getElementById('root')!).render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <div id="harness-root" style={{ padding: 16, width: width + 32, background: theme.colors.background.canvas }}>
          <ReportErrors>
            <Mounted renderStart={renderStart}>
              <PanelContextProvider value={context}>
                {prepared.map((panel, index) => (
                  <div key={index} data-panel-id={index + 1} style={{ marginBottom: 8 }}>
                    <HarnessPanel
                      prepared={panel}
                      id={index + 1}
                      title={panel.scenario.title ?? `panel ${index + 1}`}
                      width={width}
                      height={panel.scenario.height ?? 360}
                    />
                  </div>
                ))}
              </PanelContextProvider>
            </Mounted>
          </ReportErrors>
        </div>
      </ThemeContext.Provider>
    );
  } catch (e) {
    window.__harness.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  }
}
