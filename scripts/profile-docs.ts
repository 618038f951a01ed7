/**
 * `npx tsx scripts/profile-docs.ts [elements] [loads]`: where the content script's time goes on
 * the bench's docs-shaped Settings (test/fixtures/replica/pages/docs-shape.ts). Builds the
 * extension and profiles a copy of it (bench-output/profile-extension; dist/ is left as built)
 * with its content script unminified (names kept, so the profile names functions),
 * loads the page `loads` times under the V8 CPU profiler from navigation to load + 1 s, and
 * prints the content script's self time per function (median load), and the total per load.
 * A tool for working on the bench's 'content script self time' figure, not the figure: the
 * unminified script parses a little slower than the shipped one. Storage is set as the bench
 * sets it (progress at has-aad's remove-msa, with the worker's directive and Learn's data).
 *   PROFILE_MINIFIED=1   profile the shipped (minified) script instead
 *   PROFILE_NATIVE=1     also count the DOM methods and regular expressions it calls
 *   PROFILE_STACKS=1     print every sample of the first load, with its stack
 *   PROFILE_TIMING=1     time each of the script's entries (top level, storage answers,
 *                        observers, frames, idle callbacks) on the page's clock, no profiler
 *   PROFILE_COUNT=1      say on the console when update, report, readPage, planFor run
 *   PROFILE_FLOOR=1      a content script that only reads storage, watches and reports
 *                        once: what any content script pays here
 *   PROFILE_NO_DIRECTIVE=1  no directive stored before each load (as the bench did before)
 *   PROFILE_INCLUSIVE=1  also each function's inclusive time (itself and what it calls)
 *   PROFILE_ROWS=n       how many functions to print (40)
 *   PROFILE_LINES=1      also the script's own samples per source line, over all loads (with
 *                        the line's text): which lines of a function its time is spent on
 *   PROFILE_OFF=1        no profiler (with PROFILE_TIMING, or a patch that says its own times)
 *   PROFILE_PREBUILT=dir profile that extension directory (another commit's dist/chrome, for
 *                        an A/B in one tree) instead of building; implies PROFILE_MINIFIED
 *   PROFILE_PATCH=cmd    run `cmd` on the files profiled (in $PROFILE_DIR) before loading (a
 *                        timing probe, say); the page's console lines starting 'aligner-probe'
 *                        are printed
 *   PROFILE_FLOOR_EXTRA=js  PROFILE_FLOOR's script, running `js` at its report and saying how
 *                        long it took: what a first use of a DOM API costs in a new world
 *   PROFILE_PROBE=f,g    time each call of the script's functions f, g (unminified names) on the
 *                        page's clock, and print per function each call's median over the loads
 *                        (its first call in a load, its second, ...): which update pays what
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildExtension, compileHint, distDir, profileScript } from './build.ts';
import { docsSettingsUrl, highlightedAtLoadPlusASecond } from './docs-settings.ts';
import { scenarios, startReplica, type Scenario } from '../test/fixtures/replica/index.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { storeAsAPersonHasIt, storedAtRemoval } from '../test/support/stored-progress.ts';

const elements = Number(process.argv[2] ?? 2000);
const loads = Number(process.argv[3] ?? 8);
const minified = process.env.PROFILE_MINIFIED === '1';

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
    positionTicks?: Array<{ line: number; ticks: number }>;
  }>;
  samples: number[];
  timeDeltas: number[];
}

// The extension profiled: a copy of the build (or of PROFILE_PREBUILT), where the unminified
// script and the probes below are written. dist/ stays the build as `npm run build` left it.
const copy = 'bench-output/profile-extension';
const prebuilt = process.env.PROFILE_PREBUILT;
if (!prebuilt) await buildExtension({ quiet: true });
rmSync(copy, { recursive: true, force: true });
cpSync(prebuilt ?? distDir, copy, { recursive: true });
if (!minified && !prebuilt) {
  await build({
    entryPoints: { content: 'src/content.ts' },
    bundle: true,
    minify: false,
    keepNames: false,
    target: 'chrome125',
    format: 'iife',
    outdir: copy,
    logLevel: 'warning',
    loader: { '.css': 'text' },
    plugins: [
      {
        name: 'css-text',
        setup(b) {
          b.onResolve({ filter: /\.css\?text$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?text$/, '')), namespace: 'file' }));
        },
      },
    ],
  });
  // As the build writes it (scripts/build.ts): the profile pages' script, with its compile hint.
  writeFileSync(join(copy, profileScript), compileHint + readFileSync(join(copy, 'content.js'), 'utf8'));
}
// PROFILE_COUNT=1: the script says, on the page's console, when each of its steps runs.
if (process.env.PROFILE_PATCH) (await import('node:child_process')).execSync(process.env.PROFILE_PATCH, { env: { ...process.env, PROFILE_DIR: copy } });
if (process.env.PROFILE_COUNT === '1') {
  const path = join(copy, profileScript);
  let code = readFileSync(path, 'utf8');
  const mark = (what: string) => `console.debug("aligner:${what}", Math.round(performance.now()), document.readyState);`;
  for (const [at, what] of [
    ['const update = () => {', 'update'],
    ['const report = () => {', 'report'],
    ['const follow = (stored2, learn) => {', 'follow'],
    ['function readPage(doc, url, now) {', 'readPage'],
    ['function planFor(directive, doc, page, locale) {', 'planFor'],
    ['if (overlay?.target?.isConnected === false || touchesGuide(records)) {', 'mutation-read'],
  ] as const) {
    if (!code.includes(at)) throw new Error(`no ${at}`);
    code = code.replace(at, `${at} ${mark(what)}`);
  }
  writeFileSync(path, code);
}
// PROFILE_TIMING=1: the script's every entry (its top level, storage answers, observers,
// frames, idle callbacks) timed on the page's clock, said on the console: its time without the
// profiler's sampling in it.
if (process.env.PROFILE_TIMING === '1') {
  const path = join(copy, profileScript);
  const prelude = `(() => {
    const say = (name, start) => console.debug('aligner-time', name, (performance.now() - start).toFixed(3));
    const time = (name, f) => function (...a) { const start = performance.now(); try { return f.apply(this, a); } finally { say(name, start); } };
    const ric = window.requestIdleCallback; window.requestIdleCallback = (f, o) => ric(time('idle', f), o);
    const raf = window.requestAnimationFrame; window.requestAnimationFrame = (f) => raf(time('frame', f));
    const st = window.setTimeout; window.setTimeout = (f, d) => st(time('timeout', f), d);
    const MO = window.MutationObserver; window.MutationObserver = class extends MO { constructor(f) { super(time('mutations', f)); } };
    const ael = EventTarget.prototype.addEventListener; EventTarget.prototype.addEventListener = function (t, f, o) { return ael.call(this, t, time('event ' + t, f), o); };
    const local = chrome.storage.local; const get = local.get.bind(local);
    local.get = (...a) => { const p = get(...a); return { then: (f, r) => p.then(time('storage get', f), r) }; };
    const add = local.onChanged.addListener.bind(local.onChanged); local.onChanged.addListener = (f) => add(time('storage changed', f));
    const sm = chrome.runtime.sendMessage.bind(chrome.runtime); chrome.runtime.sendMessage = (...a) => { const start = performance.now(); try { return sm(...a); } finally { say('  (sendMessage)', start); } };
  })();
  const __start = performance.now();`;
  const code = readFileSync(path, 'utf8').replace('"use strict";', '');
  writeFileSync(path, `${prelude}\n${code}\nconsole.debug('aligner-time', 'top level', (performance.now() - __start).toFixed(3));\n`);
}
// PROFILE_PROBE=f,g: each named function wrapped in a timer saying its name and time.
const probed = (process.env.PROFILE_PROBE ?? '').split(',').filter(Boolean);
if (probed.length) {
  const path = join(copy, profileScript);
  let code = readFileSync(path, 'utf8');
  const timer = (name: string) =>
    `(...a) => { const s = performance.now(); try { return ${name}__probed(...a); } finally { console.debug('aligner-probe call ${name}', (performance.now() - s).toFixed(2)); } }`;
  for (const name of probed) {
    // A function declared at the top (function f, var f =) or inside another (const f =: guide's update, say).
    const declared = new RegExp(`\\b(function ${name}|var ${name} =|const ${name} =)(?=[ (])`);
    const found = declared.exec(code)?.[0];
    if (!found) throw new Error(`PROFILE_PROBE: no function ${name} in the unminified script`);
    const kind = found.startsWith('const') ? 'const' : 'var';
    code = code.replace(declared, `${kind} ${name} = ${timer(name)};\n${found.replace(name, `${name}__probed`)}`);
  }
  writeFileSync(path, code);
}
// PROFILE_FLOOR=1: in place of the content script, one that does the least any guide must:
// read its storage, watch the page, send one report. What any content script pays here.
// PROFILE_FLOOR_EXTRA=js: the same, running `js` at its report and saying how long it took.
const floorExtra = process.env.PROFILE_FLOOR_EXTRA;
const floor = process.env.PROFILE_FLOOR === '1' || !!floorExtra;
if (floor) {
  const probe = floorExtra ? `const s=performance.now();${floorExtra};console.debug('aligner-probe extra',(performance.now()-s).toFixed(2));` : '';
  writeFileSync(
    join(copy, profileScript),
    `(()=>{let t;chrome.storage.local.get(["aligner-directive","aligner-learn"]).then(()=>{new MutationObserver(()=>{clearTimeout(t);t=setTimeout(()=>{${probe}chrome.runtime.sendMessage({type:"noop",n:document.querySelectorAll("li").length}).catch(()=>0)},300)}).observe(document.documentElement,{subtree:true,childList:true})})})();`,
  );
}

const scenario: Scenario = { ...(scenarios['has-aad'] as Scenario), name: 'bench', signedInAs: 'ana@contoso.com' };
const replica = await startReplica({ scenario, settingsDelayMs: 300 });
const chromium = await launchChromium({ replicaPort: replica.port, extensionDir: copy });
const { context } = chromium;
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  // (A prebuilt extension from before content-profile.js: its one content.js.)
  const script = `chrome-extension://${id}/${existsSync(join(copy, profileScript)) ? profileScript : 'content.js'}`;
  const byFunction = new Map<string, number[]>();
  const totals: number[] = [];
  /** PROFILE_PROBE: each probed function's nth call in a load, its times over the loads. */
  const probeTimes = new Map<string, number[]>();
  /** PROFILE_LINES: samples per line of the script (1-based), over all loads. */
  const lineTicks = new Map<number, number>();
  for (let load = 0; load <= loads; load += 1) {
    if (process.env.PROFILE_NO_DIRECTIVE === '1') {
      // As the bench stored it before: the progress alone, Learn's data awaited.
      await storeAsAPersonHasIt(context, id, null);
      const setup = await context.newPage();
      await setup.goto(`chrome-extension://${id}/help.html`);
      await setup.evaluate((items) => chrome.storage.local.set(items), storedAtRemoval(1));
      await setup.close();
    } else {
      await storeAsAPersonHasIt(context, id, storedAtRemoval(1));
    }
    const page = await context.newPage();
    const timing: Array<[string, number]> = [];
    // "aligner-time <entry name> <ms>"
    if (process.env.PROFILE_TIMING === '1') {
      page.on('console', (m) => {
        const said = /^aligner-time (.+) (\S+)$/.exec(m.text());
        if (said) timing.push([said[1] as string, Number(said[2])]);
      });
    }
    if (process.env.PROFILE_COUNT === '1' && load === 1) page.on('console', (m) => m.text().startsWith('aligner:') && console.log(m.text()));
    // What a probe (PROFILE_PATCH, PROFILE_FLOOR_EXTRA) says, with the load it said it in.
    const calls = new Map<string, number>();
    page.on('console', (m) => {
      const call = /^aligner-probe call (\S+) (\S+)$/.exec(m.text());
      if (!call) return m.text().startsWith('aligner-probe') && console.log(load, m.text());
      // PROFILE_PROBE: the load's nth call of a function, after the warm-up load.
      const [, name, time] = call as unknown as [string, string, string];
      const nth = (calls.get(name) ?? 0) + 1;
      calls.set(name, nth);
      if (load > 0) probeTimes.set(`${name} #${nth}`, [...(probeTimes.get(`${name} #${nth}`) ?? []), Number(time)]);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    if (process.env.PROFILE_OFF !== '1') await cdp.send('Profiler.start');
    await page.goto(docsSettingsUrl(elements));
    const highlighted = await page.evaluate(highlightedAtLoadPlusASecond);
    const { profile } = process.env.PROFILE_OFF === '1' ? { profile: { nodes: [], samples: [], timeDeltas: [] } as CpuProfile } : ((await cdp.send('Profiler.stop')) as { profile: CpuProfile });
    await page.close();
    if (!highlighted && !floor) throw new Error('nothing highlighted');
    if (load === 0) continue; // warm-up
    if (timing.length) {
      const sum = timing.filter(([n]) => !n.startsWith(' ')).reduce((a, [, t]) => a + t, 0);
      console.log(`load ${load}: ${sum.toFixed(2)} ms in ${timing.length} entries: ${timing.map(([n, t]) => `${n.trim()} ${t.toFixed(2)}`).join(', ')}`);
    }
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    // Each node's outermost frame of the script: the entry point its time is spent under.
    const entry = new Map<number, string>();
    const children = new Set(profile.nodes.flatMap((n) => n.children ?? []));
    const walk = (id: number, outer: string | null) => {
      const node = byId.get(id)!;
      const name = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      const here = outer ?? (node.callFrame.url === script ? name : null);
      if (here) entry.set(id, here);
      for (const child of node.children ?? []) walk(child, here);
    };
    for (const n of profile.nodes) if (!children.has(n.id)) walk(n.id, null);
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stackOf = (id: number): string => {
      const names: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const f = byId.get(at)!.callFrame;
        if (f.url === script) names.push(`${f.functionName || '(anon)'}:${f.lineNumber + 1}`);
      }
      return names.join(' < ');
    };
    const here = new Map<string, number>();
    let total = 0;
    for (let i = 0; i + 1 < profile.samples.length; i += 1) {
      const node = byId.get(profile.samples[i] as number);
      // PROFILE_NATIVE=1: also the samples in what the script calls (DOM methods, regular expressions), under its innermost frame.
      if (node?.callFrame.url !== script) {
        if (process.env.PROFILE_NATIVE !== '1' || !node || !entry.has(node.id)) continue;
        const lasted = (profile.timeDeltas[i + 1] as number) / 1000;
        let at: number | undefined = node.id;
        while (at !== undefined && byId.get(at)!.callFrame.url !== script) at = parent.get(at);
        const f = byId.get(at!)!.callFrame;
        const name = `${f.functionName || '(anonymous)'}:${f.lineNumber + 1} > ${node.callFrame.functionName || '(native)'}`;
        here.set(name, (here.get(name) ?? 0) + lasted);
        const outer = `entry ${entry.get(node.id)}`;
        here.set(outer, (here.get(outer) ?? 0) + lasted);
        total += lasted;
        if (process.env.PROFILE_STACKS === '1' && load === 1) console.log(`sample ${lasted.toFixed(2)} ms: [${node.callFrame.functionName || '(native)'}] < ${stackOf(node.id)}`);
        continue;
      }
      const lasted = (profile.timeDeltas[i + 1] as number) / 1000;
      if (process.env.PROFILE_INCLUSIVE === '1') {
        const seen = new Set<string>();
        for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
          const f = byId.get(at)!.callFrame;
          if (f.url !== script) continue;
          const n = `incl ${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
          if (seen.has(n)) continue;
          seen.add(n);
          here.set(n, (here.get(n) ?? 0) + lasted);
        }
      }
      const name = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      here.set(name, (here.get(name) ?? 0) + lasted);
      const outer = `entry ${entry.get(node.id)}`;
      here.set(outer, (here.get(outer) ?? 0) + lasted);
      total += lasted;
      if (process.env.PROFILE_STACKS === '1' && load === 1) console.log(`sample ${lasted.toFixed(2)} ms: ${stackOf(node.id)}`);
    }
    totals.push(total);
    for (const node of process.env.PROFILE_LINES === '1' ? profile.nodes : []) {
      if (node.callFrame.url !== script) continue;
      for (const { line, ticks } of node.positionTicks ?? []) lineTicks.set(line, (lineTicks.get(line) ?? 0) + ticks);
    }
    for (const [name, time] of here) byFunction.set(name, [...(byFunction.get(name) ?? []), time]);
  }
  const median = (values: number[]) => {
    const sorted = [...values, ...Array(loads - values.length).fill(0)].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / loads;
  console.log(`docs ${elements}: self time per load ${totals.map((t) => t.toFixed(1)).join(' ')} ms (median ${median(totals).toFixed(1)})`);
  const rows = [...byFunction].map(([name, times]) => [name, mean(times), median(times)] as const).sort((a, b) => b[1] - a[1]);
  for (const [name, avg, med] of rows.slice(0, Number(process.env.PROFILE_ROWS ?? 40))) console.log(`${avg.toFixed(2).padStart(7)} mean ${med.toFixed(2).padStart(7)} median  ${name}`);
  if (probeTimes.size) {
    console.log(`calls timed on the page's clock (ms, 0.1 ms steps), median (range) over the loads that made them:`);
    for (const [call, times] of probeTimes) {
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`${call.padEnd(28)} ${(sorted[Math.floor(sorted.length / 2)] as number).toFixed(2)} (${sorted[0]}-${sorted.at(-1)}) in ${times.length} loads`);
    }
  }
  if (lineTicks.size) {
    const source = readFileSync(script.replace(/^chrome-extension:\/\/[^/]+/, copy), 'utf8').split('\n');
    const all = [...lineTicks.values()].reduce((a, b) => a + b, 0);
    console.log(`samples per line, ${all} in all over ${loads} loads:`);
    for (const [line, ticks] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_ROWS ?? 40)))
      console.log(`${String(ticks).padStart(6)} ${String(line).padStart(5)}  ${(source[line - 1] ?? '').trim().slice(0, 110)}`);
  }
} finally {
  await chromium.close();
  await replica.close();
}
