// The vitest projects Stryker runs for each mutant: 'node' and 'dom' only. The runner has no project
// option and would run every project in vite.config.ts: 'storybook' starts Chromium, and 'react18' repeats
// the dom tests under test ids Stryker cannot tell apart. test/build reads dist/, which a mutant never
// changes; the type tests (*.test-d.ts) run tsc, which knows nothing of mutants.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vite.config';

// STRYKER_PROJECTS=node mutates against the framework-free tests alone (the flow's own suite), which is
// several times faster than with the React tests as well.
const kept = new Set((process.env.STRYKER_PROJECTS ?? 'node,dom').split(','));
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];
const nameOf = ({ test }: TestProjectInlineConfiguration) =>
  typeof test?.name === 'string' ? test.name : test?.name?.label;

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: projects
      .filter((project) => kept.has(nameOf(project) ?? ''))
      .map((project) => ({
        ...project,
        test: {
          ...project.test,
          include: project.test?.include?.filter((glob) => !glob.startsWith('test/build/')),
          typecheck: { enabled: false },
        },
      })),
  },
});
