export {
  README_TABLE_START,
  README_TABLE_END,
  describeDefault,
  envExampleDefault,
  renderReadmeTable,
  renderConfigurationDoc,
  renderEnvExample,
  replaceReadmeTable,
} from './render-config-docs.js';
export { generatedConfigFiles, type GeneratedFile } from './generated-config-files.js';
