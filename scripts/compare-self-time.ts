/**
 * `npx tsx scripts/compare-self-time.ts <elements> <pairs> <dirA> <dirB>`: the content script's
 * self time on the bench's docs-shaped Settings (`?docs=<elements>`; 0: the flat Settings),
 * for two builds of the extension (unpacked folders: `dist/chrome` of two commits, or one with
 * a patch), in two browsers open side by side, a load in each in turn (the order flipped each
 * pair). The machine's state drifts by more than most changes are worth (single loads of the
 * same build read 4 to 17 ms); loads taken in pairs see the same state. Prints each build's
 * median and mean and the pairs' median difference: a tool for deciding whether a change to
 * the script saves time, not the bench's figure (two browsers at once make both slower).
 * Each load as the bench's: progress at has-aad's remove-msa as a person's browser has it, a
 * V8 CPU profile from navigation to load + 1 s, the samples in the script's own functions.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { profileScript } from './build.ts';
import { docsSettingsUrl, highlightedAtLoadPlusASecond } from './docs-settings.ts';
import { scenarios, startReplica, type Scenario } from '../test/fixtures/replica/index.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { storeAsAPersonHasIt, storedAtRemoval } from '../test/support/stored-progress.ts';

const [elements, pairs, ...dirs] = [Number(process.argv[2]), Number(process.argv[3]), ...process.argv.slice(4)];
if (!(elements >= 0) || !(pairs > 0) || dirs.length != 2 || !dirs.every((dir) => existsSync(join(dir, 'manifest.json')))) {
  console.error('usage: npx tsx scripts/compare-self-time.ts <elements> <pairs> <extension dir A> <extension dir B>');
  process.exit(2);
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const scenario: Scenario = { ...(scenarios['has-aad'] as Scenario), name: 'bench', signedInAs: 'ana@contoso.com' };
const replica = await startReplica({ scenario, settingsDelayMs: 300 });
const sides: Array<{ dir: string; chromium: Awaited<ReturnType<typeof launchChromium>>; id: string; script: string; self: number[] }> = [];
try {
  for (const dir of dirs) {
    const chromium = await launchChromium({ replicaPort: replica.port, extensionDir: dir });
    sides.push({ dir, chromium, id: '', script: '', self: [] });
    const worker = chromium.context.serviceWorkers()[0] ?? (await chromium.context.waitForEvent('serviceworker'));
    const side = sides.at(-1)!;
    side.id = new URL(worker.url()).host;
    // (A build from before content-profile.js: its one content.js.)
    side.script = `chrome-extension://${side.id}/${existsSync(join(dir, profileScript)) ? profileScript : 'content.js'}`;
  }
  // Pair 0 warms both up and is not counted.
  for (let pair = 0; pair <= pairs; pair += 1) {
    for (const side of pair % 2 ? sides : [...sides].reverse()) {
      const { context } = side.chromium;
      await storeAsAPersonHasIt(context, side.id, storedAtRemoval(1));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(docsSettingsUrl(elements));
      const highlighted = await page.evaluate(highlightedAtLoadPlusASecond);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await page.close();
      if (!highlighted) throw new Error(`${side.dir}: nothing highlighted within 1 s of the load event`);
      if (pair === 0) continue;
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      let self = 0;
      for (let i = 0; i + 1 < profile.samples.length; i += 1) {
        if (byId.get(profile.samples[i] as number)?.callFrame.url === side.script) self += profile.timeDeltas[i + 1] as number;
      }
      side.self.push(self / 1000);
    }
  }
  for (const [name, side] of [['A', sides[0]!], ['B', sides[1]!]] as const) {
    const mean = side.self.reduce((a, b) => a + b, 0) / side.self.length;
    console.log(`${name} ${side.dir}: median ${median(side.self).toFixed(2)} ms, mean ${mean.toFixed(2)} ms; loads ${side.self.map((t) => t.toFixed(1)).join(' ')}`);
  }
  const differences = sides[1]!.self.map((b, i) => b - (sides[0]!.self[i] as number));
  console.log(`B - A, pair by pair: median ${median(differences).toFixed(2)} ms; B lower in ${differences.filter((d) => d < 0).length} of ${pairs}`);
} finally {
  for (const side of sides) await side.chromium.close();
  await replica.close();
}
