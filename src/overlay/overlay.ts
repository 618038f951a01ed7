import type { Text } from '../guide/instructions.ts';
import { hostId, stepAttribute } from './contract.ts';
import type { Plan } from './plan.ts';
import overlayCss from './overlay.css?text';

type Translate = (text: Text) => string;
/** CSS anchor positioning's `anchor-name`, which TypeScript's DOM types do not list yet. */
type AnchorStyle = CSSStyleDeclaration & { anchorName: string };

export interface Overlay {
  /** Shows a plan (null: nothing); the same plan again changes nothing. */
  render(plan: Plan | null): void;
  /** The highlighted page element, if any. */
  readonly target: Element | null;
  /** Takes the overlay off the page for good: the extension was updated or removed under it. */
  remove(): void;
}

/**
 * Draws plans on the page inside a shadow root: a ring around the target and a callout beside
 * it, or the callout docked in a corner. Ring and callout are anchored to the target with CSS
 * anchor positioning (Chrome and Edge 125+, the manifest's minimum_chrome_version; a
 * browser without it would draw the ring in the wrong place, so a port to one must dock
 * instead): the browser keeps them on it through scrolling (the page's and any
 * container's), resizes and reflows, in the same frame, with no script at all. Around a
 * control in Learn's modal dialog, both become manual popovers, in the top layer above it:
 * only from there can they be anchored to its buttons.
 * No backdrop, no focus trap: the page stays usable.
 */
export function createOverlay(
  doc: Document,
  translate: Translate,
  onDismiss: (step: string) => void,
  /** The target stopped being rendered (hidden by a class, say): plan again. */
  onLost: () => void,
): Overlay {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const element = doc.createElement(tag);
    element.className = className;
    element.textContent = text; // page text (addresses) is data, never markup
    return element;
  };
  // hostId as a dashed ident (written out: a template on it costs 5 B gzipped). One overlay
  // per document, so one fixed name; it sits on the target's own style, where the page can
  // read it, so a random one would hide nothing.
  const anchor = '--learn-account-aligner';
  const host = make('div', '');
  host.id = hostId;
  // The guide's words run left to right, as every language it speaks (_locales; locales.test.ts
  // fails on a right-to-left one): on a Hebrew or Arabic Learn page, `all: initial` leaves
  // `direction` to be inherited, and the callout's sentences would come out mirrored.
  host.dir = 'ltr';
  // Declared on the host, in the page's tree, so the name resolves against the target; the
  // shadow's parts inherit it.
  host.style.cssText = `display:contents;position-anchor:${anchor}`;
  const ring = make('div', 'ring');
  let callout = make('div', 'callout');
  const edge = make('button', 'edge', translate({ key: 'overlayScrollTo' }));
  const live = make('div', 'live');
  live.role = 'status'; // polite, as the role implies
  // Focusing the control brings it into view (centred when it was out of view) and puts the
  // keyboard on it: the button hides then, and focus must not fall back to <body>.
  edge.onclick = () => target?.focus();
  host.attachShadow({ mode: 'open' }).append(make('style', '', overlayCss), ring, callout, edge, live);

  let target: HTMLElement | null = null;
  /** What is drawn, besides the target: the same again is not redrawn. */
  let drawn = '';
  let announced: string | null = null;

  /**
   * The target scrolled out of view: a button at the bottom of the screen brings it back. No
   * longer rendered at all: the plan is made again (it docks when the control is gone).
   */
  const visibility = new IntersectionObserver((entries) => {
    const entry = entries.at(-1);
    if (!entry || entry.target != target) return;
    const box = entry.boundingClientRect;
    if (!entry.isIntersecting && !box.width && !box.height) return onLost();
    edge.hidden = entry.isIntersecting;
  });

  /** Moves the contract attribute, the anchor name and the observer to the new target. */
  const setTarget = (next: HTMLElement | null | undefined, step?: string) => {
    if (target != next) {
      if (target) {
        target.removeAttribute(stepAttribute);
        (target.style as AnchorStyle).anchorName = ''; // (an empty style="" may stay: inert)
        visibility.unobserve(target);
      }
      target = next ?? null;
      edge.hidden = true;
      if (next) {
        (next.style as AnchorStyle).anchorName = anchor;
        visibility.observe(next);
      }
    }
    if (next && step) next.setAttribute(stepAttribute, step);
  };

  const hide = () => {
    ring.hidden = callout.hidden = edge.hidden = true;
  };

  const render = (plan: Plan | null) => {
    const mode = plan ? (plan.target ? 'ring' : 'docked') : 'off';
    const key = JSON.stringify(plan && [mode, plan.step, plan.hint, plan.warning]);
    const same = plan?.target == target && key == drawn;
    drawn = key;
    if (!host.isConnected) doc.documentElement.append(host);
    if (same) return;
    host.dataset.mode = mode;
    setTarget(plan?.target as HTMLElement | null, plan?.step);
    if (!plan) {
      hide();
      announced = null;
      return;
    }
    const close = make('button', 'close', '×');
    close.ariaLabel = translate({ key: 'overlayClose' });
    close.onclick = () => onDismiss(plan.step);
    // A new box each time: the browser remembers which side fitted last, and a new target
    // deserves the preferred side (below) first.
    const next = make('div', plan.target ? 'callout' : 'callout docked');
    next.role = 'note';
    next.append(
      close,
      make('p', 'step', translate({ key: 'stepNofM' })), // worded with the position by the worker
      make('p', 'instruction', translate(plan.instruction)),
      make('p', '', translate(plan.hint)),
    );
    if (plan.warning) next.append(make('p', 'warning', translate(plan.warning)));
    if (!plan.target) next.append(make('p', 'missing', translate({ key: 'overlayNotFound' })));
    callout.replaceWith(next);
    callout = next;
    ring.hidden = !plan.target;
    // A target in Learn's modal dialog (the top layer) can only be ringed from the top layer,
    // above it: ring and callout become popovers then, shown after the dialog. Elsewhere they
    // stay plain boxes: showing a popover costs the page a layout.
    const inTopLayer = !!plan.target?.closest(':modal,:popover-open');
    for (const part of [ring, callout]) {
      // Off the top layer (taking the attribute away hides a shown popover), and back on it
      // above the dialog.
      part.popover = null;
      if (inTopLayer) {
        part.popover = 'manual';
        part.showPopover();
      }
    }
    // Announced once per step, politely: not on every re-render of the page.
    if (plan.step != announced) {
      announced = plan.step;
      live.textContent = `${translate(plan.instruction)} ${translate(plan.hint)}`;
    }
  };

  edge.hidden = true; // (render shows the rest, and puts the host on the page)
  return {
    render,
    get target() {
      return target;
    },
    remove() {
      setTarget(null);
      visibility.disconnect();
      host.remove();
    },
  };
}
