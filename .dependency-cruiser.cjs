/** The import rules of DESIGN.md, enforced in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and testing fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'infrastructure-and-services-never-import-modules',
      severity: 'error',
      comment: 'Modules plug into infrastructure, not the other way round.',
      from: { path: '^backend/src/(infrastructure|services|integrations)/' },
      to: { path: '^backend/src/modules/' },
    },
    {
      name: 'config-imports-nothing-above-it',
      severity: 'error',
      from: { path: '^backend/src/config/' },
      to: { path: '^backend/src/(modules|services|integrations|seed|cli)/' },
    },
    {
      name: 'modules-use-each-other-through-index-only',
      severity: 'error',
      comment: "A module may use another module's index.ts exports, never its internals.",
      from: { path: '^backend/src/modules/([^/]+)/' },
      to: { path: '^backend/src/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^backend/src/modules/$1/' },
    },
    {
      name: 'nothing-imports-the-entry-points',
      severity: 'error',
      from: { path: '^backend/src/(?!index\\.ts|cli/)' },
      to: { path: '^backend/src/(index\\.ts|cli/)' },
    },
    {
      name: 'features-never-import-each-other',
      severity: 'error',
      comment: 'SPA features share through services/ and components/, never directly.',
      from: { path: '^frontend/src/features/([^/]+)/' },
      to: { path: '^frontend/src/features/([^/]+)/', pathNot: '^frontend/src/features/$1/' },
    },
    {
      name: 'shared-spa-code-never-imports-features-or-app',
      severity: 'error',
      from: { path: '^frontend/src/(services|components|lib|config)/' },
      to: { path: '^frontend/src/(features|app)/' },
    },
    {
      name: 'features-never-import-app',
      severity: 'error',
      from: { path: '^frontend/src/features/' },
      to: { path: '^frontend/src/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // tsconfig.depcruise.json supplies the `@/` alias; backend imports name `.js` for `.ts` files.
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    exclude: { path: '(node_modules|dist)/' },
  },
};
