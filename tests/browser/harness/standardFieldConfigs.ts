/**
 * Grafana registers its standard field options (unit, decimals, min/max, colour, thresholds, …) at boot, from
 * code outside the npm packages; without them applyFieldOverrides ignores `fieldConfig.defaults`. The harness
 * registers the subset the Foresight panels use, with @grafana/data's own override processors, so units,
 * decimals, colours and thresholds reach the panels exactly as in Grafana.
 */
import {
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldColorModeId,
  type FieldConfigPropertyItem,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  ThresholdsMode,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

const noEditor = () => null;

function item(id: string, process: FieldConfigPropertyItem['process'], extra: Partial<FieldConfigPropertyItem> = {}) {
  return {
    id,
    path: id,
    name: id,
    editor: noEditor,
    override: noEditor,
    process,
    shouldApply: () => true,
    settings: {},
    ...extra,
  } as FieldConfigPropertyItem;
}

/** Option editors Grafana registers at boot; panels' option builders look them up by id. */
const EDITOR_IDS = [
  'number',
  'slider',
  'text',
  'strings',
  'select',
  'multi-select',
  'radio',
  'boolean',
  'color',
  'unit',
  'field-name',
  'links',
  'mappings',
  'thresholds',
  'stats-picker',
  'timezone',
  'fieldColor',
  'interval',
  'datasource',
];

export function registerStandardFieldConfigs(): void {
  standardEditorsRegistry.setInit(() => EDITOR_IDS.map((id) => ({ id, name: id, editor: noEditor })));
  standardFieldConfigEditorRegistry.setInit(() => [
    item('unit', unitOverrideProcessor),
    item('decimals', numberOverrideProcessor),
    item('min', numberOverrideProcessor),
    item('max', numberOverrideProcessor),
    item('displayName', displayNameOverrideProcessor),
    item('noValue', stringOverrideProcessor),
    item('color', identityOverrideProcessor, { defaultValue: { mode: FieldColorModeId.PaletteClassic } }),
    item('thresholds', thresholdsOverrideProcessor, {
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
    }),
    item('mappings', valueMappingsOverrideProcessor, { defaultValue: [] }),
    item('links', dataLinksOverrideProcessor),
  ]);
}
