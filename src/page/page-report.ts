import { hostId } from '../overlay/contract.ts';
import { addressPattern, authAttributes, header } from './learn-markup.ts';

/**
 * A short outline of a Learn page's structure for a bug report when the guide cannot find a
 * control: tags, roles, data attributes and control labels, one element a line. Addresses
 * and the signed-in person's name are redacted; text other than labels and headings is left out.
 */
export function pageReport(doc: Document, context: string[]): string {
  const name = doc.querySelector(header.displayName)?.textContent?.trim();
  const redact = (text: string) => {
    let out = text.replace(new RegExp(addressPattern.source, 'gi'), '<address>');
    if (name) out = out.split(name).join('<name>');
    return out.replace(/\s+/g, ' ').trim().slice(0, 60);
  };
  const lines = [...context, `url: ${location.pathname}`, `html: lang=${doc.documentElement.lang} ${authState(doc)}`];
  const walk = (element: Element, depth: number) => {
    if (lines.length > 400 || element.id === hostId) return;
    const line = describe(element, redact);
    if (line) lines.push(`${'  '.repeat(depth)}${line}`);
    for (const child of element.children) walk(child, line ? depth + 1 : depth);
  };
  walk(doc.body, 0);
  return lines.join('\n');
}

function authState(doc: Document): string {
  const root = doc.documentElement;
  return [authAttributes.authenticated, authAttributes.determined].map((name) => `${name}=${root.getAttribute(name)}`).join(' ');
}

const kept = /^(A|BUTTON|INPUT|SELECT|SUMMARY|DETAILS|DIALOG|FORM|H[1-6]|HEADER|MAIN|NAV|SECTION|UL|OL|LI|TABLE|TR|LABEL)$/;
const labelled = new Set(['A', 'BUTTON', 'SUMMARY', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LABEL']);

function describe(element: Element, redact: (text: string) => string): string | null {
  const attributes = [...element.attributes].filter(
    (a) => a.name === 'role' || a.name.startsWith('aria-') || a.name.startsWith('data-') || a.name === 'disabled' || a.name === 'hidden' || a.name === 'type',
  );
  if (!kept.test(element.tagName) && attributes.length === 0) return null;
  const parts = [element.tagName.toLowerCase()];
  if (element.matches(header.regions)) parts.push('(header)');
  for (const a of attributes) parts.push(a.value ? `[${a.name}="${redact(a.value)}"]` : `[${a.name}]`);
  if (labelled.has(element.tagName)) parts.push(`"${redact(element.textContent ?? '')}"`);
  return parts.join('');
}
