/**
 * `npm run build`: bundles the extension into dist/chrome/ (load it unpacked in Chrome or
 * Edge) and dist/firefox/ (the same files, Firefox's manifest), and zips each for the stores:
 * dist/learn-account-aligner-chrome.zip (Chrome Web Store, Edge Add-ons) and
 * dist/learn-account-aligner-firefox.zip (addons.mozilla.org).
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { zipSync } from 'fflate';
import { minify } from 'terser';
import { gzipSize } from './gzip-size.ts';

/** Imports of `filter` (a path as written) left to the browser, as imports of `path`. */
function outside(filter: RegExp, path: string): Plugin {
  return { name: 'outside', setup: (esbuild) => esbuild.onResolve({ filter }, () => ({ path, external: true })) };
}

/** `import css from './x.css?text'`: the file's CSS, minified, as a string (the overlay's shadow root). */
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\.css\?text$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\?text$/, '')),
      namespace: 'css-text',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

export const distDir = 'dist/chrome';
export const zipPath = 'dist/learn-account-aligner-chrome.zip';
export const firefoxDir = 'dist/firefox';
export const firefoxZipPath = 'dist/learn-account-aligner-firefox.zip';
/**
 * The content script of the profile pages (Settings, profile, credentials: the manifest's first
 * entry): content.js, with V8's explicit compile hint `//# allFunctionsCalledOnLoad` before it.
 */
export const profileScript = 'content-profile.js';
export const compileHint = '//# allFunctionsCalledOnLoad\n';

/**
 * Firefox's manifest from the one in the repository: MV3 too, with background scripts (an
 * event page: Firefox runs no extension service worker) and its own settings. 147 is the
 * first Firefox with CSS anchor positioning, which keeps the ring on its target; before it
 * the ring would be drawn in the wrong place. The add-on collects no data (AMO asks).
 */
export function firefoxManifestOf(chrome: Record<string, unknown>): Record<string, unknown> {
  const { minimum_chrome_version: _chromeOnly, background, ...common } = chrome;
  const worker = (background as { service_worker: string }).service_worker;
  return {
    ...common,
    background: { scripts: [worker] },
    browser_specific_settings: {
      gecko: {
        id: '{5b7f3c1e-8d2a-4f6b-9c0e-7a1d2e3f4b5c}',
        strict_min_version: '147.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

export async function buildExtension({ quiet = false } = {}): Promise<void> {
  rmSync('dist', { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });

  const common = {
    bundle: true,
    minify: true,
    target: 'chrome125',
    legalComments: 'none',
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  } as const;
  await build({
    ...common,
    entryPoints: {
      content: 'src/content.ts',
      background: 'src/background.ts',
      help: 'src/help/main.ts',
    },
    outdir: distDir,
    format: 'iife',
    plugins: [cssAsText],
  });
  // The popup's JSX as Preact's classic `h(type, props, ...children)` calls: about 230 B
  // gzipped less than the automatic runtime's `jsx(type, { ...props, children })` and its
  // module, in a popup held to a budget. Type checking (tsconfig) keeps the automatic
  // runtime: both give the same elements, typed by the same JSX namespace.
  const popup = {
    ...common,
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    inject: ['src/popup/jsx-factory.ts'],
    tsconfigRaw: { compilerOptions: { jsx: 'react', verbatimModuleSyntax: true } },
    outdir: distDir,
    format: 'esm',
  } satisfies BuildOptions;
  // ES modules: what only the recommended path's forum steps show (the support request, in
  // several languages, and the wait for support's agent) is popup-forum.js, which the popup
  // imports when it reaches them, not code every opening of the popup parses. The chunk takes
  // Preact and the popup's helpers from popup.js (src/popup/shared.ts) at run time. Not
  // esbuild's own splitting: its shared chunk, a file of its own with an import for each
  // binding, added about 600 B gzipped to every opening.
  await build({
    ...popup,
    entryPoints: { popup: 'src/popup/main.tsx' },
    plugins: [outside(/\/Forum\.tsx$/, './popup-forum.js')],
  });
  const forum = await build({
    ...popup,
    entryPoints: { 'popup-forum': 'src/popup/Forum.tsx' },
    plugins: [outside(/^(preact|preact\/hooks|\.\/shared\.ts)$/, './popup.js')],
    metafile: true,
  });
  // Its own copy of Preact would render nothing that works (hooks belong to one Preact).
  if (!forum.metafile) throw new Error('esbuild wrote no metafile for popup-forum.js');
  const copied = Object.keys(forum.metafile.inputs).filter((input) => /node_modules|src\/popup\/(?!Forum|jsx-factory)/.test(input));
  if (copied.length) throw new Error(`popup-forum.js carries its own copy of ${copied.join(', ')}: import it from ./shared.ts`);
  // Injected by the popup on request: a classic script whose last statement's value is the
  // result, so plain statements (esm format, nothing imported or exported), no IIFE around it.
  await build({ ...common, entryPoints: { 'page-report': 'src/page-report.ts' }, outdir: distDir, format: 'esm' });

  // esbuild bundles; terser then squeezes further (about 4% smaller gzipped than esbuild's
  // own minifier, which trades size for speed). The content script is parsed on every Learn
  // page and both it and the popup have size budgets (issue 5). Safe options only, and in the
  // content script three that are safe for its code: function expressions and object methods
  // written as arrows and shorthand methods (it never calls a function with `new` nor reads
  // its prototype), and `unsafe`, which assumes built-ins as the language defines them (an
  // isolated world's are: the page cannot reach them) and here only turns template strings
  // of strings into concatenations (23 B in all). Not page-report.js: its value is its last
  // statement's, which terser sees as unused. The content script is also read as the module
  // it was written as: terser then drops esbuild's "use strict" (8 B gzipped; the output is
  // otherwise the same), which changes nothing for code TypeScript checked as strict (no
  // `this` of a plain call, no `with`, no undeclared name, no function declared in a block;
  // a write to a read-only property, which it makes none of, would pass silently).
  // In the content script, statements are also left as statements rather than joined with
  // commas (`sequences` off, a rewrite that never changes what code does): an early return
  // after a statement stays `{a();return}` instead of `return a(),void b` (5 B gzipped).
  for (const name of ['content.js', 'background.js', 'help.js', ...popupModules()]) {
    const path = join(distDir, name);
    const unsafe = name == 'content.js';
    const module = name.startsWith('popup') || unsafe;
    const compress = { passes: 3, sequences: !unsafe, unsafe, unsafe_arrows: unsafe, unsafe_methods: unsafe };
    const { code } = await minify(readFileSync(path, 'utf8'), { ecma: 2020, module, toplevel: true, compress, format: { comments: false } });
    writeFileSync(path, code ?? '');
  }
  // On the profile pages the script always runs in full, at three moments at least (the page
  // parsed, the header filled in, the account list in): compiled function by function, as
  // each is first called, it cost about 3.5 ms more of the page's main thread (CPU profiles of
  // the docs-shaped Settings, scripts/profile-docs.ts) than compiled at once as it is parsed.
  // V8 compiles every function of a script at once when its first line is this comment
  // (Chrome 136+; older versions and Firefox read a comment). Elsewhere on Learn the script
  // mostly reads storage and stops: compiled at once there, it would cost every article page.
  writeFileSync(join(distDir, profileScript), compileHint + readFileSync(join(distDir, 'content.js'), 'utf8'));

  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  // package.json holds the one version number; both manifests take it at build time.
  const manifest = { ...(JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>), version: pkg.version };
  writeFileSync(join(distDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync('src/popup/popup.html', join(distDir, 'popup.html'));
  cpSync('src/help/help.html', join(distDir, 'help.html'));
  cpSync('_locales', join(distDir, '_locales'), { recursive: true });
  cpSync('assets/icons', join(distDir, 'icons'), { recursive: true });

  // Firefox: the same files, its own manifest.
  cpSync(distDir, firefoxDir, { recursive: true });
  writeFileSync(join(firefoxDir, 'manifest.json'), `${JSON.stringify(firefoxManifestOf(manifest), null, 2)}\n`);

  for (const [dir, zip] of [[distDir, zipPath], [firefoxDir, firefoxZipPath]] as const) {
    const files: Record<string, Uint8Array> = {};
    for (const path of walk(dir)) files[relative(dir, path)] = readFileSync(path);
    writeFileSync(zip, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  }

  if (!quiet) {
    for (const name of ['content.js', profileScript, 'background.js', ...popupModules(), 'popup.css', 'page-report.js', 'help.js', 'help.css']) {
      const path = join(distDir, name);
      console.log(`${name.padEnd(30)} ${String(statSync(path).size).padStart(7)} B  ${String(gzipSize(path)).padStart(6)} B gzipped`);
    }
    console.log(`${distDir}/, ${firefoxDir}/, ${zipPath} and ${firefoxZipPath} written`);
  }
}

/** The popup's modules in dist/chrome/: popup.js, and those it imports when it needs them (popup-forum.js). */
export function popupModules(dir = distDir): string[] {
  return readdirSync(dir).filter((name) => /^popup.*\.js$/.test(name)).sort();
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildExtension();
