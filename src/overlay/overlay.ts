import type { Text } from '../guide/instructions.ts';
import type { Plan } from './plan.ts';
import overlayCss from './overlay.css?text';

import { hostId, stepAttribute } from './contract.ts';

type Translate = (text: Text) => string;

/**
 * Where the browser can tie a box to an element (CSS anchor positioning, Chrome 125+). Without
 * it the instruction is docked: a ring drawn by script could lag behind the page.
 */
const anchoring = typeof CSS !== 'undefined' && CSS.supports('anchor-name: --a');

/**
 * Draws a plan on the page inside a shadow root: a ring around the target and a callout
 * beside it, or the callout docked in a corner. Ring and callout are anchored to the target
 * with CSS anchor positioning: the browser keeps them on it through scrolling (the page's and
 * any container's), resizes and reflows, in the same frame, with no script at all.
 * No backdrop, no focus trap: the page stays usable.
 */
export class Overlay {
  readonly host: HTMLElement;
  private readonly ring: HTMLElement;
  private callout: HTMLElement;
  private readonly edge: HTMLButtonElement;
  private readonly live: HTMLElement;
  /** The highlighted page element, if any. */
  target: Element | null = null;
  private plan: Plan | null = null;
  private announced: string | null = null;
  /** Unguessable, so nothing else on the page can take the ring. */
  private readonly anchor = `--learn-account-aligner-${Math.random().toString(36).slice(2)}`;
  private readonly visibility = new IntersectionObserver((entries) => this.seen(entries.at(-1)));

  constructor(
    private readonly doc: Document,
    private readonly translate: Translate,
    private readonly onDismiss: (step: string) => void,
    /** The target stopped being rendered (hidden by a class, say): plan again. */
    private readonly onLost: () => void,
    signal: AbortSignal,
  ) {
    this.host = doc.createElement('div');
    this.host.id = hostId;
    this.host.setAttribute('data-mode', 'off');
    // Declared on the host, in the page's tree, so the name resolves against the target;
    // the shadow's parts inherit it.
    this.host.style.cssText = `display:contents;position-anchor:${this.anchor}`;
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = overlayCss;
    this.ring = this.part('div', 'ring');
    this.ring.popover = 'manual';
    this.callout = this.part('div', 'callout');
    this.edge = this.part('button', 'edge') as HTMLButtonElement;
    this.edge.type = 'button';
    this.edge.addEventListener('click', () => this.target?.scrollIntoView({ block: 'center' }), { signal });
    this.live = this.part('div', 'live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    root.append(style, this.ring, this.callout, this.edge, this.live);
    this.hideAll();
    doc.documentElement.append(this.host);
    signal.addEventListener('abort', () => this.destroy());
  }

  private part(tag: string, className: string): HTMLElement {
    const element = this.doc.createElement(tag);
    element.className = className;
    return element;
  }

  /** Shows a plan; the same plan again changes nothing. */
  render(given: Plan): void {
    const plan: Plan = given.mode === 'ring' && !anchoring ? { ...given, mode: 'docked', target: null, lookedFor: 'a browser with CSS anchor positioning' } : given;
    const same =
      this.plan && plan.mode === this.plan.mode && plan.step === this.plan.step && plan.target === this.target &&
      JSON.stringify([plan.hint, plan.warning]) === JSON.stringify([this.plan.hint, this.plan.warning]);
    this.plan = plan;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    if (same) return;
    this.host.setAttribute('data-mode', plan.mode);
    this.setTarget(plan.mode === 'ring' ? plan.target : null, plan.step);
    if (plan.mode === 'off') {
      this.hideAll();
      this.announced = null;
      return;
    }
    this.fillCallout(plan);
    this.ring.hidden = plan.mode !== 'ring';
    this.raise();
    if (plan.mode === 'docked' && plan.lookedFor) console.info(`[Learn Account Aligner] ${plan.step}: not found on this page: ${plan.lookedFor}`);
    // Announced once per step, politely: not on every re-render of the page.
    if (plan.step !== this.announced) {
      this.announced = plan.step;
      this.live.textContent = [plan.instruction, plan.hint].filter(Boolean).map((t) => this.translate(t as Text)).join(' ');
    }
  }

  private fillCallout(plan: Plan): void {
    const line = (className: string, text: string) => {
      const p = this.doc.createElement('p');
      p.className = className;
      p.textContent = text; // page text (addresses) is data, never markup
      return p;
    };
    const close = this.part('button', 'close') as HTMLButtonElement;
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', this.translate({ key: 'overlayClose' }));
    close.addEventListener('click', () => plan.step && this.onDismiss(plan.step));
    const parts = [
      close,
      line('step', this.translate({ key: 'stepNofM', substitutions: plan.position.map(String) })),
      line('instruction', this.translate(plan.instruction ?? { key: '' })),
    ];
    if (plan.hint) parts.push(line('hint', this.translate(plan.hint)));
    if (plan.warning) parts.push(line('warning', this.translate(plan.warning)));
    if (plan.mode === 'docked') parts.push(line('missing', this.translate({ key: 'overlayNotFound' })));
    // A new box each time: the browser remembers which side fitted last, and a new target
    // deserves the preferred side (below) first.
    const callout = this.part('div', plan.mode === 'docked' ? 'callout docked' : 'callout');
    callout.popover = 'manual';
    callout.setAttribute('role', 'note');
    callout.append(...parts);
    this.callout.replaceWith(callout);
    this.callout = callout;
  }

  /** Moves the contract attribute, the anchor name and the observer to the new target. */
  private setTarget(target: Element | null, step: string | null): void {
    if (this.target !== target) {
      const old = this.target as HTMLElement | null;
      if (old) {
        old.removeAttribute(stepAttribute);
        old.style.removeProperty('anchor-name');
        if (old.getAttribute('style') === '') old.removeAttribute('style');
        this.visibility.unobserve(old);
      }
      this.target = target;
      this.edge.hidden = true;
      if (target) {
        (target as HTMLElement).style.setProperty('anchor-name', this.anchor);
        this.visibility.observe(target);
      }
    }
    if (target && step) target.setAttribute(stepAttribute, step);
  }

  /**
   * The target scrolled out of view: a pointer at the screen's edge. No longer rendered at
   * all: the plan is made again (it docks when the control is gone).
   */
  private seen(entry: IntersectionObserverEntry | undefined): void {
    if (!entry || entry.target !== this.target) return;
    const box = entry.boundingClientRect;
    if (!entry.isIntersecting && box.width === 0 && box.height === 0) {
      this.onLost();
      return;
    }
    this.edge.hidden = entry.isIntersecting;
    if (entry.isIntersecting) return;
    const above = box.bottom < 0;
    this.edge.className = `edge ${above ? 'up' : 'down'}`;
    this.edge.textContent = `${above ? '↑' : '↓'} ${this.translate({ key: 'overlayScrollTo' })}`;
  }

  /**
   * Into the top layer, above whatever is there now (a dialog Learn opened since): where the
   * target sits in a modal dialog, only a box above it there can be anchored to it.
   */
  private raise(): void {
    for (const part of [this.ring, this.callout]) {
      if (!part.showPopover) return; // no popover API (before Chrome 114): z-index only
      if (part.matches(':popover-open')) part.hidePopover();
      part.showPopover();
    }
  }

  private hideAll(): void {
    this.ring.hidden = true;
    this.callout.hidden = true;
    this.edge.hidden = true;
  }

  destroy(): void {
    this.setTarget(null, null);
    this.visibility.disconnect();
    this.host.remove();
  }
}
