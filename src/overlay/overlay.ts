import type { Text } from '../guide/instructions.ts';
import type { Plan } from './plan.ts';
import overlayCss from './overlay.css?text';

/** The contract of DESIGN.md: the host's id, and the attribute the highlighted element carries. */
export const hostId = 'learn-account-aligner';
export const stepAttribute = 'data-aligner-step';

type Translate = (text: Text) => string;

/**
 * Draws a plan on the page inside a shadow root: a ring around the target and a callout
 * beside it, or the callout docked in a corner. Positions are in document coordinates, so
 * scrolling the page costs no script; only resizes and scrolling containers move them.
 * No backdrop, no focus trap: the page stays usable.
 */
export class Overlay {
  readonly host: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly callout: HTMLElement;
  private readonly edge: HTMLButtonElement;
  private readonly live: HTMLElement;
  /** The highlighted page element, if any. */
  target: Element | null = null;
  private plan: Plan | null = null;
  private announced: string | null = null;
  private readonly resize = new ResizeObserver(() => this.place());
  private scrolling: AbortController | null = null;
  private readonly visibility = new IntersectionObserver((entries) => this.showEdge(entries.at(-1)));

  constructor(
    private readonly doc: Document,
    private readonly translate: Translate,
    private readonly onDismiss: (step: string) => void,
    signal: AbortSignal,
  ) {
    this.host = doc.createElement('div');
    this.host.id = hostId;
    this.host.setAttribute('data-mode', 'off');
    this.host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;';
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = overlayCss;
    this.ring = this.part('div', 'ring');
    this.callout = this.part('div', 'callout');
    this.callout.setAttribute('role', 'note');
    this.edge = this.part('button', 'edge') as HTMLButtonElement;
    this.edge.type = 'button';
    this.edge.addEventListener('click', () => this.target?.scrollIntoView({ block: 'center' }), { signal });
    this.live = this.part('div', 'live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    root.append(style, this.ring, this.callout, this.edge, this.live);
    this.hideAll();
    doc.documentElement.append(this.host);

    // The page's own box changes with the window (resize, zoom): observed after layout, so
    // reading the target's box then costs no forced layout.
    this.resize.observe(doc.documentElement);
    signal.addEventListener('abort', () => this.destroy());
  }

  private part(tag: string, className: string): HTMLElement {
    const element = this.doc.createElement(tag);
    element.className = className;
    return element;
  }

  /** Shows a plan; the same plan again changes nothing. */
  render(plan: Plan): void {
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
    this.callout.classList.toggle('docked', plan.mode === 'docked');
    this.callout.hidden = false;
    this.ring.hidden = plan.mode !== 'ring';
    if (plan.mode === 'docked' && plan.lookedFor) console.info(`[Learn Account Aligner] ${plan.step}: not found on this page: ${plan.lookedFor}`);
    this.place();
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
    this.callout.replaceChildren(...parts);
  }

  /** Moves the contract attribute and the observers to the new target. */
  private setTarget(target: Element | null, step: string | null): void {
    if (this.target !== target) {
      this.target?.removeAttribute(stepAttribute);
      if (this.target) {
        this.resize.unobserve(this.target);
        this.visibility.unobserve(this.target);
      }
      this.target = target;
      this.scrolling?.abort();
      this.scrolling = null;
      if (target) {
        this.resize.observe(target);
        this.visibility.observe(target);
        this.followScrollingContainers(target);
      } else {
        this.edge.hidden = true;
      }
    }
    if (target && step) target.setAttribute(stepAttribute, step);
  }

  /**
   * Page scrolling moves ring and target together (document coordinates): no script. Only
   * a scrolling container between the target and the page needs the ring moved, so only
   * those get a listener.
   */
  private followScrollingContainers(target: Element): void {
    const view = this.doc.defaultView as Window;
    this.scrolling = new AbortController();
    for (let node = target.parentElement; node && node !== this.doc.body && node !== this.doc.documentElement; node = node.parentElement) {
      const { overflowX, overflowY } = view.getComputedStyle(node);
      if (/(auto|scroll|overlay)/.test(overflowX + overflowY)) {
        node.addEventListener('scroll', () => this.place(), { passive: true, signal: this.scrolling.signal });
      }
    }
  }

  /** Ring on the target, callout below it (or above when there is no room), never over it. */
  place(): void {
    const target = this.target;
    if (!target || this.plan?.mode !== 'ring') return;
    const view = this.doc.defaultView as Window;
    // All reads before any write: one layout at most, never one per write.
    const box = target.getBoundingClientRect();
    const callout = this.callout.getBoundingClientRect();
    const x = view.scrollX;
    const y = view.scrollY;
    Object.assign(this.ring.style, {
      top: `${box.top + y - 4}px`,
      left: `${box.left + x - 4}px`,
      width: `${box.width + 8}px`,
      height: `${box.height + 8}px`,
    });
    const gap = 14;
    const offScreen = box.bottom < 0 || box.top > view.innerHeight;
    const below = offScreen || box.bottom + gap + callout.height <= view.innerHeight || box.top - gap - callout.height < 0;
    const top = below ? box.bottom + gap : box.top - gap - callout.height;
    const left = Math.max(12, Math.min(box.left, view.innerWidth - callout.width - 12));
    Object.assign(this.callout.style, { top: `${top + y}px`, left: `${left + x}px` });
  }

  /** A pointer at the screen's edge while the target is scrolled out of view. */
  private showEdge(entry: IntersectionObserverEntry | undefined): void {
    if (!entry || !this.target || this.plan?.mode !== 'ring') return;
    this.edge.hidden = entry.isIntersecting;
    if (entry.isIntersecting) return;
    const above = entry.boundingClientRect.bottom < 0;
    this.edge.className = `edge ${above ? 'up' : 'down'}`;
    this.edge.textContent = `${above ? '↑' : '↓'} ${this.translate({ key: 'overlayScrollTo' })}`;
  }

  private hideAll(): void {
    this.ring.hidden = true;
    this.callout.hidden = true;
    this.edge.hidden = true;
  }

  destroy(): void {
    this.setTarget(null, null);
    this.scrolling?.abort();
    this.resize.disconnect();
    this.visibility.disconnect();
    this.host.remove();
  }
}
