import { existsSync, readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Architecture rules: a subgraph imports no other subgraph; the kernel imports neither the schema
// nor any subgraph. `no-restricted-imports` only sees an import's text, so a relative path is
// judged by the importing file's depth: from `<base>/<n dirs>/file`, `../` repeated n + k times
// lands on base's k-th ancestor. (A plain `../stores/` pattern would also hit the subgraphs' own
// folders named after other contexts, e.g. products/src/stores.) Dynamic `import()` is not checked.
const root = new URL('./', import.meta.url);
const readPackageName = (dir) =>
  JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')).name;
const subgraphs = readdirSync(new URL('subgraphs/', root), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(new URL(`subgraphs/${entry.name}/package.json`, root)),
  )
  .map((entry) => ({
    dir: `subgraphs/${entry.name}`,
    name: readPackageName(`subgraphs/${entry.name}`),
  }));
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DEEPEST = 12; // directory levels below `base` given the relative-path check; deeper: packages only

/**
 * @param {string} base repository-relative folder whose files are restricted
 * @param {{ packages: string[], dirs: string[], message: string }} forbidden
 */
function forbidImports(base, { packages, dirs, message }) {
  const baseParts = base.split('/');
  const packagePattern = {
    regex: `^(${packages.map(escapeRegex).join('|')})(/|$)`,
    caseSensitive: true,
    message,
  };
  /** @param {number} level directory levels between `base` and the importing file */
  const relativePattern = (level) => {
    const alternatives = [];
    for (let up = 1; up <= baseParts.length; up++) {
      const ancestor = baseParts.slice(0, baseParts.length - up);
      for (const dir of dirs) {
        const parts = dir.split('/');
        if (parts.length > ancestor.length && ancestor.every((part, i) => parts[i] === part)) {
          const rest = parts.slice(ancestor.length).map(escapeRegex).join('/');
          alternatives.push(`(\\.\\./){${level + up}}${rest}`);
        }
      }
    }
    return { regex: `^(\\./)?(${alternatives.join('|')})(/|$)`, caseSensitive: true, message };
  };
  return [
    {
      files: [`${base}/**`],
      rules: { 'no-restricted-imports': ['error', { patterns: [packagePattern] }] },
    },
    ...Array.from({ length: DEEPEST + 1 }, (_, level) => ({
      files: [`${base}/${'*/'.repeat(level)}*`],
      rules: {
        'no-restricted-imports': ['error', { patterns: [packagePattern, relativePattern(level)] }],
      },
    })),
  ];
}

const architecture = [
  ...subgraphs.flatMap(({ dir }) => {
    const others = subgraphs.filter((other) => other.dir !== dir);
    return forbidImports(dir, {
      packages: others.map((other) => other.name),
      dirs: others.map((other) => other.dir),
      message:
        'A subgraph does not import another subgraph: share through @bloom/kernel, @bloom/schema or an event contract.',
    });
  }),
  ...forbidImports('packages/kernel', {
    packages: [readPackageName('schema'), ...subgraphs.map((subgraph) => subgraph.name)],
    dirs: ['schema', 'subgraphs'],
    message: 'The kernel is domain-free: it imports neither the schema nor any subgraph.',
  }),
];

export default tseslint.config(
  {
    ignores: [
      '**/test/generated/**',
      'e2e/src/generated/**',
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '.local/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.ts', 'infra/*/*.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: "Only a service's main.ts reads the environment; pass its validated config.",
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports only.',
        },
      ],
    },
  },
  {
    // Entry points and tooling are where the environment is read.
    files: [
      '**/src/main.ts',
      'scripts/**',
      'bench/**',
      'packages/testing/src/env.ts',
      '**/test/**',
      'e2e/**',
      'infra/**',
      '**/*.test.ts',
      '**/eval/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read typed answers (generated operations): a missing value fails with dataOf,
    // expectUnion or an explicit check, never a `!` that turns it into a TypeError later.
    files: ['**/test/**/*.ts', '**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['eslint.config.js', '**/vitest.config.ts', 'vitest.config.ts', '**/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Browser clients: the DOM's globals and the rules of hooks.
    files: ['clients/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...architecture,
  prettier,
);
