import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs, type Configs } from './configs';
import { rules } from './rules';

// Read at run time so the published version is the one in package.json, not a copy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const namespace = 'dbconventions';

const plugin = {
  meta: { name, version, namespace },
  rules,
  configs: {} as Configs,
};

// The flat configs refer to the plugin object itself, so they are filled in after it exists.
Object.assign(plugin.configs, buildConfigs(rules, namespace, plugin as unknown as TSESLint.FlatConfig.Plugin));

export = plugin;
