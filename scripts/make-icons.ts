/**
 * Renders assets/icon.svg to the PNG sizes the stores and the toolbar ask for, with Chromium.
 * Run it after changing the SVG (`npx tsx scripts/make-icons.ts`); the PNGs are committed so
 * the build needs no browser.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { assertChromiumInstalled, chromiumPath } from '../test/support/chromium.ts';

const sizes = [16, 32, 48, 128];
assertChromiumInstalled();
const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `assets/icons/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`assets/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
