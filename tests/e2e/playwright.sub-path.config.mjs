// The offline journey and the prerendered pages again, against a build made to live under a sub-path
// (as on GitHub Pages): `make e2e` builds it into dist-sub/ first; this
// config only serves it.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.mjs';

const port = Number(process.env.E2E_SUB_PATH_PORT || 4174);
const SUB_PATH = '/maps-capability-checker/';

export default defineConfig({
  ...base,
  testMatch: ['offline.spec.mjs', 'prerender.spec.mjs'],
  // The trailing slash matters: specs give addresses without a leading
  // slash, so they resolve under the sub-path.
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}${SUB_PATH}` },
  projects: base.projects.map((project) => ({ ...project, name: `${project.name}, sub-path` })),
  webServer: {
    ...base.webServer,
    command: `node tools/serve.mjs dist-sub ${port} ${SUB_PATH}`,
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
  },
});
