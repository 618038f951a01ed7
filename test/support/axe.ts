import axe from 'axe-core';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core (Deque's maintained rule set) run inside a page of the real browser, instead of
 * accessibility checks written by hand.
 *
 * Injection: `page.evaluate(axe.source)` goes through DevTools, which the popup's CSP
 * (`script-src 'self'`) does not govern; `page.addScriptTag({ content })` would be an inline
 * script of the page itself, which that CSP refuses.
 */

/** Every rule axe runs by default (WCAG 2.0-2.2 A and AA, and best practices), plus target-size. */
const options: RunOptions = {
  rules: {
    // WCAG 2.2 AA (2.5.8, target size minimum): off by default in axe 4.x only while
    // WCAG 2.2 spreads; a popup full of small links and an × button is where it matters.
    'target-size': { enabled: true },
  },
};

export interface AxeRun {
  /** Rules that found something to check (passed, failed or undecided). */
  rules: number;
  /** Elements checked, counted once per rule that checked them. */
  nodes: number;
  violations: Result[];
  incomplete: Result[];
  passes: Result[];
}

/** One axe run; `context` defaults to the whole document (open shadow roots included). */
export async function runAxe(page: Page, context?: ElementContext, only?: string[]): Promise<AxeRun> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const runOptions: RunOptions = only ? { ...options, runOnly: { type: 'rule', values: only } } : options;
  // Context and options cross to the page as JSON; the results come back as JSON.
  const results = await page.evaluate(async (json: string) => {
    const { ctx, opts } = JSON.parse(json) as { ctx: unknown; opts: unknown };
    const { axe: injected } = window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } };
    return JSON.stringify(await injected.run(ctx ?? document, opts));
  }, JSON.stringify({ ctx: context ?? null, opts: runOptions }));
  return summarize(JSON.parse(results) as AxeResults);
}

function summarize(results: AxeResults): AxeRun {
  const applied = [...results.passes, ...results.violations, ...results.incomplete];
  return {
    rules: new Set(applied.map((r) => r.id)).size,
    nodes: applied.reduce((sum, r) => sum + r.nodes.length, 0),
    violations: results.violations,
    incomplete: results.incomplete,
    passes: results.passes,
  };
}

/** A node's axe target, shadow hosts included, as one string: `#host >> .close`. */
export const targetOf = (node: { target: unknown[] }): string => node.target.flat().join(' >> ');

/** Violations as lines a person can act on: rule, impact, element and what to fix. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${targetOf(n)}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}
