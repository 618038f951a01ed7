/**
 * `npm run build`: bundles the extension into dist/chrome/ (load it unpacked in Chrome or
 * Edge) and zips it into dist/learn-account-aligner-chrome.zip for the stores.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { zipSync } from 'fflate';
import { minify } from 'terser';
import { gzipSize } from './gzip-size.ts';

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
      popup: 'src/popup/main.tsx',
    },
    outdir: distDir,
    format: 'iife',
    plugins: [cssAsText],
  });
  // Injected by the popup on request: a classic script whose last statement's value is the
  // result, so plain statements (esm format, nothing imported or exported), no IIFE around it.
  await build({ ...common, entryPoints: { 'page-report': 'src/page-report.ts' }, outdir: distDir, format: 'esm' });

  // esbuild bundles; terser then squeezes further (about 4% smaller gzipped than esbuild's
  // own minifier, which trades size for speed). The content script is parsed on every Learn
  // page and both it and the popup have size budgets (issue 5). Safe options only. Not
  // page-report.js: its value is its last statement's, which terser sees as unused.
  for (const name of ['content.js', 'background.js', 'popup.js']) {
    const path = join(distDir, name);
    const { code } = await minify(readFileSync(path, 'utf8'), { ecma: 2020, toplevel: true, compress: { passes: 3 }, format: { comments: false } });
    writeFileSync(path, code ?? '');
  }

  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
  // package.json holds the one version number; the manifest takes it at build time.
  writeFileSync(join(distDir, 'manifest.json'), `${JSON.stringify({ ...manifest, version: pkg.version }, null, 2)}\n`);
  cpSync('src/popup/popup.html', join(distDir, 'popup.html'));
  cpSync('_locales', join(distDir, '_locales'), { recursive: true });
  cpSync('assets/icons', join(distDir, 'icons'), { recursive: true });

  const files: Record<string, Uint8Array> = {};
  for (const path of walk(distDir)) files[relative(distDir, path)] = readFileSync(path);
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));

  if (!quiet) {
    for (const name of ['content.js', 'background.js', 'popup.js', 'popup.css', 'page-report.js']) {
      const path = join(distDir, name);
      console.log(`${name.padEnd(14)} ${String(statSync(path).size).padStart(7)} B  ${String(gzipSize(path)).padStart(6)} B gzipped`);
    }
    console.log(`${distDir}/ and ${zipPath} written`);
  }
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildExtension();
