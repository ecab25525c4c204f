/** Scenarios for the Foresight root-cause panel (src/panels/rootcause); a shell until its graph view lands. */
import { plugin } from '../../../../src/panels/rootcause/module';
import { DEFAULT_ROOTCAUSE_OPTIONS } from '../../../../src/panels/rootcause/types';
import { framesFromJSON } from '../../fixtures/loadFrames';
import { anomalyFrames } from '../../fixtures/synthetic';
import { mountScenarios } from '../render';

const options = DEFAULT_ROOTCAUSE_OPTIONS;

mountScenarios({
  basic: {
    plugin,
    title: 'Candidate causes',
    options,
    frames: () => framesFromJSON(anomalyFrames({ series: 3 })),
  },
  'no-data': { plugin, title: 'Candidate causes', options, frames: () => [] },
});
