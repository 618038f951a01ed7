import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { scenarios, type Identity, type Scenario } from '../fixtures/replica/index.ts';
import { Rig } from '../support/rig.ts';
import { openSettings, signOut } from '../support/learn-actions.ts';
import { storeAsAPersonHasIt, storedAtRemoval } from '../support/stored-progress.ts';

/**
 * Hostile or odd input (issue 6, item 3): markup, bidi and zero-width characters and very long
 * strings in Learn's pages and in storage; a page that spoofs the overlay; messages from the
 * page, from another extension, malformed ones from the popup, and the popup's own messages
 * sent from a content script's world. One browser for the file, with a tiny probe extension
 * loaded beside ours.
 */

/** Sets a flag on <html> if it ever runs: in the page (main world) or wherever it lands. */
const flag = `document.documentElement.setAttribute('data-hostile-ran','1')`;
const markup = `<img src=x onerror="${flag}"><script>${flag}</script>`;
const bidi = '\u202e\u200f'; // right-to-left override, right-to-left mark
// Zero-width space, non-joiner, joiner, word joiner. (U+FEFF, the zero-width no-break space,
// is white space to a JavaScript regex: the reader would read the address from after it.)
const zeroWidth = '\u200b\u200c\u200d\u2060';

const learner = 'learner@outlook.com';
const certMsa = 'cert.ana@hotmail.com';
/**
 * Entities without their semicolons (`&` is allowed in an address, `;` is not): the reader
 * takes it as it is, and markup parsing would turn it into `ana<img>&@...`: shown as
 * text, it reads as written.
 */
const entityWork = 'ana&ltimg&gt&amp@contoso.com';
/** Valid by RFC 5321 (a quoted local part), markup inside: the reader does not take it. */
const markupWork = `"${markup}"@fabrikam.example`;
/** An address the reader takes, but no real account has: invisible characters in it. */
const invisibleWork = `ana${zeroWidth}${bidi}@contoso.com`;
/** Far longer than any address (RFC 5321 caps one at 254; the worker's schema at 320). */
const longWork = `${'a'.repeat(3000)}@northwind.example`;

const identity = (email: string, kind: Identity['kind'], displayName: string): Identity => ({ email, kind, displayName });

/** has-aad's people, with markup, bidi, zero-width characters and 3,000 more in the names. */
const oddScenario: Scenario = {
  name: 'odd-accounts',
  identities: [
    identity(learner, 'msa', `${markup}${bidi}Ana${zeroWidth}\ufeff${' Muñoz'.repeat(500)}`),
    identity(entityWork, 'aad', `${markup} (Contoso)`),
    identity(markupWork, 'aad', 'Fabrikam'),
    identity(certMsa, 'msa', `${bidi}Ana M.`),
  ],
  profiles: [{ id: 'P1', displayName: `${markup}${bidi}Ana`, accounts: [learner, entityWork, markupWork], certificationConnected: false }],
  certificationMsa: certMsa,
  signedInAs: learner,
};

/** has-aad with one more work account linked, of the given address. */
const withLinked = (address: string): Scenario => ({
  ...oddScenario,
  name: 'one-odd-address',
  identities: [...oddScenario.identities, identity(address, 'aad', 'Northwind')],
  profiles: [{ ...(oddScenario.profiles[0] as Scenario['profiles'][number]), accounts: [learner, entityWork, address] }],
});

type Progress = {
  path: string | null;
  certMsa: string | null;
  world: { accounts: { list: Array<{ address: string; kind: string }> } | null; lastObservation: { signedInAs: string | null } | null };
  overlayDismissed: string | null;
};
type Stored = { aligner?: Progress; 'aligner-directive'?: unknown };

/** A tiny second extension with a worker the test drives, to message ours from outside. */
function writeProbeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aligner-probe-'));
  const manifest = { manifest_version: 3, name: 'Probe', version: '1.0', background: { service_worker: 'probe.js' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'probe.js'), '// Driven by the test through the DevTools protocol.\n');
  return dir;
}

/**
 * Records, in our worker, every message that reaches it (accepted or not), beside its own
 * listener: it answers nothing, so what the worker answers is unchanged.
 */
async function logMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const self = globalThis as unknown as { messageLog?: unknown[] };
    if (self.messageLog) return;
    self.messageLog = [];
    chrome.runtime.onMessage.addListener((message: unknown) => void self.messageLog?.push(message));
  });
}
const messageLog = (worker: Worker) =>
  worker.evaluate(() => JSON.stringify((globalThis as unknown as { messageLog: unknown[] }).messageLog));

/** The isolated world our content script runs in on `page`, reached through the DevTools protocol. */
async function contentScriptWorld(rig: Rig, page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await rig.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => void contexts.push(event.context));
  await cdp.send('Runtime.enable'); // lists the contexts that exist already
  const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${rig.extensionId}`);
  if (!ours) throw new Error(`no isolated world of the extension on ${page.url()}: ${JSON.stringify(contexts)}`);
  return async (expression) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ours.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
}

/** Our overlay's host: the element with the id whose shadow root holds the ring (a page may make others). */
const ourHostInfo = (page: Page) =>
  page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[id="learn-account-aligner"]')] as HTMLElement[];
    const ours = hosts.filter((h) => h.shadowRoot?.querySelector('.ring'));
    const host = ours[0];
    const ring = host?.shadowRoot?.querySelector('.ring') as HTMLElement | undefined;
    // Ours is the marked element the ring is anchored to (the page's look-alikes are not).
    const target = [...document.querySelectorAll('[data-aligner-step]')].find((e) => (e as HTMLElement).style.getPropertyValue('anchor-name'));
    return {
      hosts: hosts.length,
      ours: ours.length,
      mode: host?.dataset.mode ?? null,
      ring: ring && !ring.hidden ? ring.getBoundingClientRect().toJSON() : null,
      target: target ? { bi: target.getAttribute('data-bi-name'), step: target.getAttribute('data-aligner-step'), box: target.getBoundingClientRect().toJSON() } : null,
    };
  });

/** What a person reads in our overlay, and whether anything but our own parts is in it. */
const overlayContent = (page: Page) =>
  page.evaluate(() => {
    const root = ([...document.querySelectorAll('[id="learn-account-aligner"]')] as HTMLElement[]).find((h) => h.shadowRoot)?.shadowRoot;
    return {
      text: root?.querySelector('.callout')?.textContent ?? '',
      foreign: root ? root.querySelectorAll('img, script, iframe, object, embed, svg, a, [onerror], [onload]').length : -1,
      ran: document.documentElement.hasAttribute('data-hostile-ran'),
    };
  });

/** The popup as a person sees it: at the width it opens with, no element it did not make. */
async function popupHolds(popup: Page): Promise<{ overflow: string[]; foreign: number; ran: boolean }> {
  await popup.setViewportSize({ width: 360, height: 900 });
  return popup.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A box past the edge, or text past its box's edge (a word too long to wrap).
    const overflow = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    if (document.documentElement.scrollWidth > width) overflow.unshift(`document ${document.documentElement.scrollWidth} > ${width}`);
    return {
      overflow,
      // The header's icon and popup.js are the popup's own.
      foreign: document.querySelectorAll('img').length - 1 + document.querySelectorAll('script').length - 1 + document.querySelectorAll('iframe, object, embed, [onerror], [onload]').length,
      ran: document.documentElement.hasAttribute('data-hostile-ran'),
    };
  });
}

async function pickExactly(page: Page, address: string): Promise<void> {
  await page.waitForURL(/login\.microsoftonline\.com/);
  const tiles = page.locator('button[name="login_hint"]');
  const index = await tiles.evaluateAll((buttons, a) => buttons.findIndex((b) => (b as HTMLButtonElement).value === a), address);
  expect(index, `a tile for ${JSON.stringify(address.slice(0, 40))}`).toBeGreaterThanOrEqual(0);
  await tiles.nth(index).click();
  await page.waitForURL((url) => url.host === 'learn.microsoft.com');
  await page.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
}

let rig: Rig;
let probeDir: string;
beforeAll(async () => {
  probeDir = writeProbeExtension();
  rig = await Rig.start({ scenario: 'has-aad', otherExtensions: [probeDir] });
});
afterAll(async () => {
  await rig?.close();
  rmSync(probeDir, { recursive: true, force: true });
});

describe('messages from outside the extension, or of the wrong shape', () => {
  const tally: string[] = [];
  afterAll(async () => {
    console.log(`messages: ${tally.join('; ')}`);
    // Its article, still signed in as the Learn MSA, would go on reporting into the tests after.
    await learn?.close();
  });

  // A settings page observation, well-formed, dated after the stored one so it would count.
  const observation = (at: number, signedInAs = 'evil@example.com') => ({
    page: 'settings',
    locale: 'en-us',
    signedIn: true,
    signedInAs,
    accounts: [{ address: signedInAs, kind: 'work' }],
    certificationConnected: true,
    at,
  });
  const later = Date.now() + 60 * 60_000;
  const wellFormed = [
    { type: 'observation', observation: observation(later) },
    { type: 'choose-path', path: 'new-profile' },
    { type: 'tick', step: 'forum-open', done: true },
    { type: 'set-cert-msa', address: 'evil@example.com' },
    { type: 'dismiss-overlay', step: 'remove-msa' },
    { type: 'show-overlay' },
    { type: 'get-progress' },
    { type: 'dismiss-notice' },
    { type: 'reset' },
  ];
  let learn: Page;
  /** What storage holds before each test's messages. */
  let before: Stored;

  beforeAll(async () => {
    // has-aad at remove-msa, dated in the future: the open tab's own reports are older news
    // and change nothing, so any change below comes from the messages under test. Stored as
    // the worker stores it, with its directive: a popup opened on a progress without one has
    // the worker write it (use-stored-progress.ts).
    await storeAsAPersonHasIt(rig.context, rig.extensionId, storedAtRemoval(Date.now() + 10 * 60_000));
    await logMessages(rig.serviceWorker());
    learn = await rig.openLearn('/en-us/training/modules/intro-to-learn-profiles/');
    await learn.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
  });
  beforeEach(async () => {
    before = await rig.stored();
  });

  it("ignores window messages from a Learn page, where chrome.runtime is not even there", async () => {
    const logged = await messageLog(rig.serviceWorker());
    const seen = await learn.evaluate(async (messages) => {
      const runtime = typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime;
      let received = 0;
      const all = new Promise<void>((resolve) =>
        window.addEventListener('message', () => {
          received += 1;
          if (received === messages.length) resolve();
        }),
      );
      for (const message of messages) window.postMessage(message, '*');
      await all; // delivered to every listener of every world
      return { runtime, received };
    }, wellFormed);
    expect(seen).toEqual({ runtime: 'undefined', received: wellFormed.length });
    // Anything the content script had sent in reaction would reach the worker before this.
    const world = await contentScriptWorld(rig, learn);
    expect(await world(`chrome.runtime.sendMessage({ type: 'show-overlay' })`)).toBeUndefined();
    const after = JSON.parse(await messageLog(rig.serviceWorker())) as Array<{ type: string; observation?: { page: string } }>;
    // The article's own report of who is signed in (a path is under way) comes when it is
    // idle, up to half a second after it loaded: it may land here, and is no message's doing.
    const ownReport = (m: (typeof after)[number]) => m.type === 'observation' && m.observation?.page === 'other';
    expect(after.slice(JSON.parse(logged).length).filter((m) => !ownReport(m))).toEqual([{ type: 'show-overlay' }]);
    expect(await rig.stored()).toEqual(before);
    tally.push(`Learn page postMessage ${wellFormed.length} tried, 0 reached the worker`);
  });

  it('refuses every message from another extension: no onMessageExternal, no externally_connectable', async () => {
    const probe = rig.context.serviceWorkers().find((w) => w.url().endsWith('/probe.js'));
    expect(probe, 'the probe extension runs').toBeTruthy();
    const outcomes = await (probe as Worker).evaluate(
      async ({ id, messages }) => {
        const results: string[] = [];
        for (const message of messages) {
          results.push(await chrome.runtime.sendMessage(id, message).then((r: unknown) => `answered ${JSON.stringify(r)}`, (e: Error) => e.message));
        }
        const port = chrome.runtime.connect(id);
        results.push(await new Promise<string>((resolve) => port.onDisconnect.addListener(() => resolve(chrome.runtime.lastError?.message ?? 'disconnected'))));
        return results;
      },
      { id: rig.extensionId, messages: wellFormed },
    );
    expect(outcomes).toHaveLength(wellFormed.length + 1);
    for (const outcome of outcomes) expect(outcome).toBe('Could not establish connection. Receiving end does not exist.');
    expect(await rig.stored()).toEqual(before);
    tally.push(`another extension ${outcomes.length} tried (${wellFormed.length} sendMessage + 1 connect), ${outcomes.length} refused`);
  });

  it("rejects malformed messages from the extension's own popup, and answers the well-formed one", async () => {
    const valid = observation(later, 'ana@contoso.com');
    const malformed: unknown[] = [
      null,
      'reset',
      42,
      [],
      {},
      { type: 'RESET' },
      { type: 'nope' },
      { type: 'choose-path' },
      { type: 'choose-path', path: 'evil' },
      { type: 'choose-path', path: ['has-aad'] },
      { type: 'tick', step: 'forum-open', done: 'yes' },
      { type: 'tick', step: 'drop-table', done: true },
      { type: 'set-cert-msa' },
      { type: 'set-cert-msa', address: `<img src=x onerror="${flag}">@evil.example` },
      { type: 'set-cert-msa', address: `${'a'.repeat(400)}@evil.example` },
      { type: 'set-cert-msa', address: 'not an address' },
      { type: 'dismiss-overlay', step: 'remove-msa"><img src=x>' },
      { type: 'observation' },
      { type: 'observation', observation: { ...valid, signedInAs: '<script>@x.com' } },
      { type: 'observation', observation: { ...valid, accounts: Array.from({ length: 51 }, () => valid.accounts[0]) } },
      { type: 'observation', observation: { ...valid, at: -1 } },
      { type: 'observation', observation: { ...valid, locale: '../../x' } },
      { type: 'observation', observation: { ...valid, page: 'anything' } },
    ];
    const popup = await rig.openPopup();
    await popup.locator('h1').waitFor();
    const answers = await popup.evaluate(async (messages) => {
      const out: unknown[] = [];
      for (const message of messages) out.push(await chrome.runtime.sendMessage(message).catch((e: Error) => `error: ${e.message}`));
      return out;
    }, malformed);
    expect(answers).toEqual(malformed.map(() => undefined));
    expect(await rig.stored()).toEqual(before);
    // The same channel works: a well-formed question is answered.
    const progress = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-progress' }))) as Progress;
    expect(progress.path).toBe('has-aad');
    await popup.close();
    tally.push(`popup malformed ${malformed.length} tried, ${answers.filter((a) => a === undefined).length} rejected`);
  });

  it("rejects the popup's messages sent from a Learn tab's content-script world", async () => {
    const world = await contentScriptWorld(rig, learn);
    const popupOnly = wellFormed.filter((m) => m.type !== 'observation' && m.type !== 'dismiss-overlay');
    const answers: unknown[] = [];
    for (const message of popupOnly) answers.push(await world(`chrome.runtime.sendMessage(${JSON.stringify(message)})`));
    expect(answers).toEqual(popupOnly.map(() => undefined));
    expect(await rig.stored()).toEqual(before);
    // What a content script may say is taken from the same world: the channel works.
    expect(await world(`chrome.runtime.sendMessage({ type: 'dismiss-overlay', step: 'remove-msa' })`)).toBe(true);
    expect(((await rig.stored()) as Stored).aligner?.overlayDismissed).toBe('remove-msa');
    tally.push(`content-script world popup-only ${popupOnly.length} tried, ${answers.filter((a) => a === undefined).length} rejected`);
    await learn.close();
  });
});

describe('a page that spoofs the overlay', () => {
  it("draws its own overlay on the right target, leaving the page's look-alikes as they are", async () => {
    await rig.serviceWorker().evaluate(() => chrome.storage.local.clear());
    rig.replica.load({ ...(scenarios['has-aad'] as Scenario), signedInAs: 'ana@contoso.com' });
    const page = await rig.context.newPage();
    // Before the content script starts (as the document's elements are parsed): a host with
    // our id and a mode, and the step attribute on <html> and on a button that is no step's control.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const root = document.documentElement;
        if (root && !root.hasAttribute('data-aligner-step')) {
          root.setAttribute('data-aligner-step', 'remove-msa');
          const fake = document.createElement('div');
          fake.id = 'learn-account-aligner';
          fake.dataset.mode = 'ring';
          fake.dataset.spoof = 'early';
          root.append(fake);
        }
        const button = document.querySelector('[data-bi-name="delete-profile"]');
        if (!button) return;
        button.setAttribute('data-aligner-step', 'remove-msa');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    await page.locator('[data-bi-name="add-account"]').waitFor();
    const popup = await rig.openPopup();
    await popup.locator('[data-path="has-aad"]').click();
    await popup.close();
    await page.bringToFront();

    const removeLearner = page.locator('li', { hasText: learner }).locator('[data-bi-name="remove-account"]');
    await expect.poll(() => removeLearner.getAttribute('data-aligner-step')).toBe('remove-msa');
    const expectOursOn = async (bi: string, step: string) => {
      await expect.poll(async () => (await ourHostInfo(page)).target?.bi).toBe(bi);
      const info = await ourHostInfo(page);
      expect(info).toMatchObject({ ours: 1, mode: 'ring', target: { bi, step } });
      // The ring is drawn around the target (a few pixels outside it), not around a look-alike.
      await expect.poll(async () => {
        const { ring, target } = await ourHostInfo(page);
        if (!ring || !target) return false;
        const gaps = [target.box.left - ring.left, target.box.top - ring.top, ring.right - target.box.right, ring.bottom - target.box.bottom];
        return gaps.every((gap) => gap > 0 && gap <= 12);
      }).toBe(true);
      return info;
    };
    expect((await expectOursOn('remove-account', 'remove-msa')).hosts).toBe(2);

    // After it started: another look-alike host, the attribute on more of the page's elements.
    await page.evaluate(() => {
      const fake = document.createElement('div');
      fake.id = 'learn-account-aligner';
      fake.dataset.mode = 'docked';
      fake.dataset.spoof = 'late';
      document.body.prepend(fake);
      document.querySelector('[data-bi-name="save-preferences"]')?.setAttribute('data-aligner-step', 'add-cert-msa');
      document.querySelector('main')?.setAttribute('data-aligner-step', 'connect-cert');
    });
    // The step moves on twice (Learn's confirmation, then the next step's control): ours follows.
    await removeLearner.click();
    await expectOursOn('confirm-remove-account', 'remove-msa');
    await page.locator('[data-aligner-step="remove-msa"][data-bi-name="confirm-remove-account"]').click();
    const last = await expectOursOn('add-account', 'add-cert-msa');
    expect(last.hosts).toBe(3);

    // The page's own elements and attributes are all still there, as the page set them.
    const pageOwn = await page.evaluate(() => ({
      fakes: ([...document.querySelectorAll('[id="learn-account-aligner"]')] as HTMLElement[])
        .filter((h) => !h.shadowRoot)
        .map((h) => `${h.dataset.spoof}:${h.dataset.mode}`),
      marked: [...document.querySelectorAll('[data-aligner-step]')].map(
        (e) => `${e.getAttribute('data-bi-name') ?? e.tagName.toLowerCase()}=${e.getAttribute('data-aligner-step')}`,
      ),
    }));
    expect(pageOwn.fakes.sort()).toEqual(['early:ring', 'late:docked']);
    expect(pageOwn.marked.sort()).toEqual(
      ['html=remove-msa', 'content=connect-cert', 'save-preferences=add-cert-msa', 'delete-profile=remove-msa', 'add-account=add-cert-msa'].sort(),
    );
    await page.close();
  });
});

describe('odd accounts on Learn and in storage', () => {
  it('shows the addresses it reads as text, and does not take an address with markup for one', async () => {
    await rig.serviceWorker().evaluate(() => chrome.storage.local.clear());
    rig.replica.load(oddScenario);
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    // The replica shows the names and addresses as text (what Learn would do).
    await expect.poll(() => learn.locator('[data-profile-property="displayName"]').textContent()).toContain('<img src=x');
    const popup = await rig.openPopup();
    await popup.locator('[data-path="has-aad"].suggested').click();
    // The list as read: the quoted address with markup is not taken for one.
    const stored = (await rig.stored()) as Stored;
    expect(stored.aligner?.world.accounts?.list).toEqual([
      { address: learner, kind: 'personal' },
      { address: entityWork, kind: 'work' },
    ]);
    await popup.close();

    // Signed in with the odd work account, Learn's confirmation names it: the overlay says so, as text.
    await signOut(learn);
    await learn.locator('a.docs-sign-in').first().click();
    await pickExactly(learn, entityWork);
    await openSettings(learn, 'en-us');
    const remove = learn.locator('li', { hasText: learner }).locator('[data-bi-name="remove-account"]');
    await expect.poll(() => remove.getAttribute('data-aligner-step')).toBe('remove-msa');
    await remove.click();
    await learn.locator('[data-aligner-step="remove-msa"][data-bi-name="confirm-remove-account"]').waitFor();
    await expect.poll(async () => (await overlayContent(learn)).text).toContain(`you stay signed in with ${entityWork}.`);
    expect(await overlayContent(learn)).toMatchObject({ foreign: 0, ran: false });

    const view = await rig.openPopup();
    await view.locator('summary', { hasText: 'What Learn showed' }).click();
    const shown = await view.locator('[data-testid="accounts"] .address').allTextContents();
    expect(shown).toEqual([learner, entityWork]);
    expect(await view.getByTestId('signed-in').textContent()).toBe(`Signed in as ${entityWork}`);
    expect(await popupHolds(view)).toEqual({ overflow: [], foreign: 0, ran: false });
    await view.close();
    await learn.close();
  });

  // The reader takes these (they are addresses to it); the worker's schema refuses the
  // report they are in, whole: nothing from that page counts, rather than a list with a hole.
  it.each([
    ['invisible characters', invisibleWork],
    ['3,000 characters', longWork],
  ])('refuses a whole Settings page whose list holds an address with %s', async (_, address) => {
    rig.replica.load(withLinked(address));
    const before = ((await rig.stored()) as Stored).aligner?.world.accounts;
    await logMessages(rig.serviceWorker());
    const logged = (JSON.parse(await messageLog(rig.serviceWorker())) as unknown[]).length;
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    await expect
      .poll(async () => (JSON.parse(await messageLog(rig.serviceWorker())) as unknown[]).slice(logged).some((m) => JSON.stringify(m).includes(address)))
      .toBe(true);
    expect(((await rig.stored()) as Stored).aligner?.world.accounts).toEqual(before);
    expect(JSON.stringify(await rig.stored())).not.toContain(address);
    await learn.close();
  });

  it('shows stored addresses with markup, bidi marks and thousands of characters as text, in a popup that keeps its width', async () => {
    const huge = `${markup}${bidi}${'x'.repeat(5000)}${zeroWidth}@example.com`;
    // Valid for the schema: 320 characters at most, no white space, no markup.
    const longest = `${'l'.repeat(64)}@${'d'.repeat(240)}.example`;
    const base = storedAtRemoval(Date.now()).aligner as Record<string, unknown> & { world: Record<string, unknown> };
    for (const [address, note] of [
      [huge, 'as no worker wrote it: the popup reads storage straight'],
      [longest, 'as the worker would write it'],
    ] as const) {
      const contoso = 'ana@contoso.com';
      const listing = [
        { address, kind: 'personal' },
        { address: contoso, kind: 'work' },
      ];
      await rig.writeStored({
        aligner: {
          ...base,
          world: {
            ...base.world,
            lastObservation: { page: 'settings', locale: 'en-us', signedIn: true, signedInAs: contoso, accounts: listing, certificationConnected: false, at: 1 },
            accounts: { list: listing, signedInAs: contoso, locale: 'en-us', at: 1 },
            kinds: { [address]: 'personal', [contoso]: 'work' },
            learnMsa: address,
          },
        },
        // What to do now, as the worker derives it from that progress (the popup shows the
        // directive's action), written beside it.
        'aligner-directive': {
          action: { step: 'remove-msa', control: 'remove-account', place: 'settings', account: address, accountKind: 'personal' },
          position: [3, 7],
          instruction: { key: 'step_remove_msa' },
          hint: { key: 'hint_remove', substitutions: [address] },
          warning: { key: 'warning_keep_signed_in_account' },
          dismissed: false,
        },
      });
      const popup = await rig.openPopup();
      await popup.getByTestId('current-step').waitFor();
      await popup.locator('summary', { hasText: 'What Learn showed' }).click();
      expect(await popup.locator('[data-testid="accounts"] .address').first().textContent(), note).toBe(address);
      expect(await popup.locator('.hint').textContent(), note).toContain(address);
      expect(await popup.locator('.cert-fields').textContent(), note).toContain(address);
      expect(await popupHolds(popup), note).toEqual({ overflow: [], foreign: 0, ran: false });
      await popup.close();
    }
  });

  // An address longer than about 45 characters (14 px, 340 px wide) ran out of the callout and
  // off the screen until the callout wrapped inside words (overflow-wrap: anywhere).
  it('keeps a long address inside the overlay callout', async () => {
    rig.replica.load('has-aad');
    const address = 'ana.munoz.garcia.learning@contosoeducationdistrict.example.com';
    const base = storedAtRemoval(Date.now() + 10 * 60_000).aligner as Record<string, unknown> & { world: Record<string, unknown> };
    const listing = [
      { address, kind: 'personal' },
      { address: 'ana@contoso.com', kind: 'work' },
    ];
    await rig.writeStored({
      aligner: {
        ...base,
        world: {
          ...base.world,
          lastObservation: { ...(base.world.lastObservation as object), accounts: listing },
          accounts: { ...(base.world.accounts as object), list: listing },
          kinds: { [address]: 'personal', 'ana@contoso.com': 'work' },
          learnMsa: address,
        },
      },
    });
    const popup = await rig.openPopup();
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-progress' })); // the worker writes the step's directive
    const learn = await rig.openLearn('/en-us/training/modules/intro-to-learn-profiles/');
    await expect.poll(async () => (await overlayContent(learn)).text).toContain(address);
    const overflowing = await learn.evaluate(() => {
      const callout = ([...document.querySelectorAll('[id="learn-account-aligner"]')] as HTMLElement[]).find((h) => h.shadowRoot)?.shadowRoot?.querySelector('.callout');
      return [...(callout?.querySelectorAll('p') ?? [])].filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.textContent);
    });
    await popup.close();
    await learn.close();
    expect(overflowing).toEqual([]);
  });
});
