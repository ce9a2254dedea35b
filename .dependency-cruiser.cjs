/**
 * One-way imports, checked by dependency-cruiser (`npm run lint`):
 *   machines/  ←  src/model/  ←  src/react/, src/features/<one feature>/  ←  src/app/, src/embed/
 * `machines/` is the package's core (pure XState), `src/model/` pure domain code, and the
 * package's machine entries need xstate and nothing else.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'machines-import-no-src',
      comment: 'machines/ is the pure core: it imports nothing from src/ (the app and the views).',
      severity: 'error',
      from: { path: '^machines/' },
      to: { path: '^src/' },
    },
    {
      name: 'machines-import-only-xstate',
      comment: 'machines/ imports no UI or DOM library: xstate, and zod for the save parser, only.',
      severity: 'error',
      from: { path: '^machines/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/(xstate|zod)/' },
    },
    {
      name: 'package-entries-need-only-xstate',
      comment: "The package's machine entries (container-lifecycle, container-lifecycle/testing) reach no library but xstate.",
      severity: 'error',
      from: { path: '^machines/(index|testing/index)\\.ts$' },
      to: { reachable: true, path: '^node_modules/', pathNot: '^node_modules/xstate/' },
    },
    {
      name: 'model-imports-no-react',
      comment: 'src/model is pure domain code: no React, React Flow or components.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: ['^node_modules/(react|react-dom|@xyflow/react|@xstate/react)/', '\\.tsx$'] },
    },
    {
      name: 'model-imports-no-views',
      comment: 'src/model sits below the React side: it imports nothing from features, react, app or embed.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(features|react|app|embed)/' },
    },
    {
      name: 'features-are-independent',
      comment: 'A feature does not import another feature; what two share lives in src/model or src/react.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-import-no-shells',
      comment: 'Features sit below the app and the embed, which compose them.',
      severity: 'error',
      from: { path: '^src/(features|react|model)/' },
      to: { path: '^src/(app|embed)/' },
    },
    {
      name: 'product-imports-no-tests',
      comment: 'Nothing shipped imports test or bench code.',
      severity: 'error',
      from: { path: '^(machines|src)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules do not import each other in a circle (a lazy import() back to a loader is not a cycle at start-up).',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only', 'type-import', 'dynamic-import'], viaOnly: { dependencyTypesNot: ['type-only', 'type-import', 'dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    skipAnalysisNotInRules: true,
  },
};
