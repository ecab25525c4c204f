/**
 * The rules Grafana applies to plugin.json, written as a JSON schema for ajv. They restate the facts of
 * Grafana's plugin.json reference (id pattern, plugin and include types, required info fields, version
 * and dependency formats) for the fields Foresight uses, because the official validator cannot be
 * downloaded on offline build machines.
 */
export const PLUGIN_ID_PATTERN = '^[0-9a-z]+\\-([0-9a-z]+\\-)?(app|panel|datasource|secretsmanager|transformer)$';

const knownTopLevel = [
  '$schema', 'id', 'type', 'name', 'info', 'dependencies', 'includes', 'backend', 'executable', 'alerting',
  'annotations', 'metrics', 'logs', 'streaming', 'tracing', 'category', 'autoEnabled', 'preload', 'queryOptions',
  'routes', 'skipDataQuery', 'state', 'hideFromList', 'builtIn', 'enterpriseFeatures', 'roles', 'iam', 'extensions',
  'buildMode', 'languages', 'multiValueFilterOperators', 'pascalName', 'suggestions', 'apiVersion', 'mixed',
];

export const pluginJsonSchema = {
  type: 'object',
  required: ['type', 'name', 'id', 'info', 'dependencies'],
  propertyNames: { enum: knownTopLevel },
  properties: {
    id: { type: 'string', pattern: PLUGIN_ID_PATTERN },
    type: { enum: ['app', 'datasource', 'panel', 'renderer', 'secretsmanager', 'transformer'] },
    name: { type: 'string', minLength: 1 },
    backend: { type: 'boolean' },
    alerting: { type: 'boolean' },
    executable: { type: 'string', minLength: 1 },
    info: {
      type: 'object',
      required: ['logos', 'version', 'updated', 'keywords'],
      properties: {
        keywords: { type: 'array', minItems: 1, items: { type: 'string' } },
        logos: {
          type: 'object',
          required: ['small', 'large'],
          additionalProperties: false,
          properties: { small: { type: 'string' }, large: { type: 'string' } },
        },
        updated: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2}|%TODAY%)$' },
        version: { type: 'string', pattern: '^((0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*).*|%VERSION%)$' },
      },
    },
    dependencies: {
      type: 'object',
      required: ['grafanaDependency'],
      properties: {
        grafanaDependency: {
          type: 'string',
          pattern:
            '^(<=|>=|<|>|=|~|\\^)?([0-9]+)(\\.[0-9x\\*]+)(\\.[0-9x\\*]+)?(\\s(<=|>=|<|=>)?([0-9]+)(\\.[0-9x]+)(\\.[0-9x]+))?$',
        },
        plugins: { type: 'array' },
      },
    },
    includes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'name'],
        properties: {
          type: { enum: ['dashboard', 'page', 'panel', 'datasource', 'secretsmanager'] },
          role: { enum: ['Admin', 'Editor', 'Viewer'] },
          path: { type: 'string' },
          addToNav: { type: 'boolean' },
          defaultNav: { type: 'boolean' },
        },
      },
    },
  },
  // "alerting requires backend" and "backend requires an executable".
  allOf: [
    { if: { properties: { alerting: { const: true } }, required: ['alerting'] }, then: { required: ['backend'], properties: { backend: { const: true } } } },
    { if: { properties: { backend: { const: true } }, required: ['backend'] }, then: { required: ['executable'] } },
  ],
} as const;
