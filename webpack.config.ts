import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/**
 * Extends create-plugin's managed webpack config (which must stay untouched in `.config/`).
 * create-plugin copies only the root plugin.json's logos; the nested datasource and panels
 * need theirs too, or Grafana shows broken images in the plugin catalogue.
 */
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    plugins: [
      new CopyWebpackPlugin({
        patterns: [{ from: '**/img/*', to: '.', noErrorOnMissing: true }],
      }),
    ],
  });
};

export default config;
