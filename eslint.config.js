import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			// The app is served at the root (no `paths.base`), so plain hrefs are already resolved.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The layers of ARCHITECTURE.md, for the app's own files (tests may reach anywhere to build fixtures).
	// A later block replaces an earlier one's list for the files it matches, so each repeats what it inherits.
	...layerRules(),
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/'] }
);

function layerRules() {
	const tests = ['**/*.test.ts', '**/test-*.ts', 'src/lib/lessons/machine-suite.ts'];
	const server = {
		group: ['$lib/server', '$lib/server/*', '**/server/*'],
		message: 'Browser-safe code never imports $lib/server (ARCHITECTURE.md: layers).'
	};
	const ui = {
		group: ['svelte', 'svelte/*', '$app/*', '$lib/components/*'],
		message:
			'Content, grading and the lesson machine import no UI: they run on the server and in scripts too.'
	};
	const above = (names, why) => ({
		group: names.flatMap((n) => [`$lib/server/${n}`, `$lib/server/${n}/*`, `../${n}`, `../${n}/*`]),
		message: why
	});
	const restrict = (files, patterns, ignores = []) => ({
		files,
		ignores: [...tests, ...ignores],
		rules: { 'no-restricted-imports': ['error', { patterns }] }
	});
	const features = ['auth', 'catalog', 'classes', 'jobs', 'lessons', 'progress', 'quiz'];
	return [
		restrict(['src/lib/**'], [server], ['src/lib/server/**']),
		restrict(
			['src/lib/content/**', 'src/lib/grading/**'],
			[
				server,
				ui,
				{
					group: ['$lib/lessons/*', '$lib/quiz/*', '$lib/progress/*', '$lib/classes/*'],
					message: 'Content and grading sit at the bottom: they import only each other.'
				}
			]
		),
		restrict(['src/lib/lessons/**'], [server, ui], ['**/*.svelte.ts']),
		restrict(
			['src/lib/server/effects/**'],
			[
				above(
					features,
					'Effects are called by quiz and lesson code and never import it back (ARCHITECTURE.md).'
				)
			]
		),
		restrict(
			['src/lib/server/db/**', 'src/lib/server/content/**', 'src/lib/server/*.ts'],
			[above(features, 'The base layer (db, content, the server root files) imports no feature folder.')]
		)
	];
}
