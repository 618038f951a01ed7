import { relevantTags, selector } from './learn-data.ts';
import { outlineOf } from './section.ts';

/**
 * Whether a batch of mutations can change what the guide reads or points at: the auth
 * attributes (and the others content.ts watches), a dialog shown or hidden by its class or
 * style, a class changed in a list's item, a relevant element or a text with an address
 * coming or going, the highlighted element leaving. Unrelated mutations (and the overlay's own) cost one cheap check, no
 * update: Learn may make thousands a second, so each check reads as few DOM properties as it
 * can (every NodeList and node touched here costs a wrapper in this world). One function of
 * plain loops: it runs mostly before the engine optimizes it, where each call costs (with a
 * call for each record and for each node, the bench's 1,000 mutations cost a fifth more).
 */
export function touchesGuide(records: MutationRecord[]): boolean {
  for (const record of records) {
    const type = record.type;
    const parent = record.target as Element;
    if (type == 'attributes') {
      // A class or a style changes all the time (a hover, an animation): it counts only on a
      // dialog or around one, where it may show or hide it (Learn's confirmation: asked of the
      // page's dialogs as kept, not of what the changed element holds), and a class
      // in an item of a list, a table or a grid, where it may tell an account's kind (a class
      // token; not a style: the overlay writes its anchor's name on the ringed Remove's).
      const name = record.attributeName;
      if ((name == 'class' ? parent.closest(selector('listItems')) : name != 'style') || outlineOf(document, 'dialogs').some((dialog) => parent.contains(dialog))) return true;
      continue;
    }
    if (type == 'characterData') {
      if ((parent as unknown as CharacterData).data.includes('@') || textMatters(parent.parentElement)) return true;
      continue;
    }
    // Removals count where nothing came in their place or under a parent that may matter; the
    // highlighted element leaving is checked once per batch (isConnected).
    const added = record.addedNodes;
    for (const nodes of added.length && plain(parent) ? [added] : [added, record.removedNodes]) {
      for (let i = 0, count = nodes.length; i < count; i += 1) {
        const node = nodes[i] as Element;
        const kind = node.nodeType;
        // nodeType 1, an element: one with no attribute, no child element and a tag the
        // guide does not read cannot be or hold a relevant one (the overlay's host passes
        // here too). 3, a text: it counts with an address in it, or in a relevant element.
        if (
          kind == 1
            ? (!plain(node) || node.childElementCount) && (node.matches(selector('relevant')) || !!node.querySelector(selector('relevant')))
            : kind == 3 && ((node as unknown as CharacterData).data.includes('@') || textMatters(parent))
        )
          return true;
      }
    }
  }
  return false;
}

/** Whether a text in this element counts: the element, or the one around it, is relevant. */
function textMatters(element: Element | null): boolean {
  return relevant(element) || relevant(element?.parentElement);
}

const relevant = (element: Element | null | undefined) => !!element && !plain(element) && element.matches(selector('relevant'));

/** No attribute and not a tag the guide reads: cannot match the relevant selector (checked cheaply). */
function plain(element: Element): boolean {
  return !element.hasAttributes() && !relevantTags.has(element.tagName);
}
