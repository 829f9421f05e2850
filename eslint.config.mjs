// Lint TypeScript with typescript-eslint's type-aware recommended rules; formatting is Prettier's job.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'docs/api/**',
      'test/packaging/.docs-examples-*/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // An unawaited promise loses its rejection: every one must be awaited, returned or marked `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      // `async` without `await` is how an implementation of a Promise-returning interface (token stores,
      // route handlers, test doubles) turns a throw into a rejection; the rule would have them drop it.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The emulator echoes whatever JSON a client sent, objects included, into ids, names and CSV cells, as
    // Zoho does: `String(value)` of an arbitrary value is the behaviour, not a slip.
    files: ['src/emulator/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Tests read response bodies and fixtures as `any` and pass methods to `expect`; typing every JSON body
    // they inspect would add casts, not safety. The side-by-side bench drives Zoho's official SDK, which ships JavaScript without type declarations.
    files: ['test/**/*.ts', 'bench/vs-official-sdk.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, configs) is outside the TypeScript project: no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
