import { messageKey, pathIds, stepsOf } from '../guide/procedure.ts';
import { learnLocale, t } from '../popup/i18n.ts';
import { helpLinkUrl, type HelpLink } from './links.ts';
import { riskIds, riskKey, risksOf } from './risks.ts';
import './help.css';

/**
 * The help page (help.html, also the extension's options page): fills the page's texts in
 * the browser's language and writes the paths and their risks from the procedure, so the
 * page says what the popup does. Plain DOM: the page is static once written.
 */

document.documentElement.lang = t('lang');
document.title = t('helpTitle');

for (const element of document.querySelectorAll<HTMLElement>('[data-msg]')) {
  const substitutions = element.dataset.args?.split(' ').map((key) => t(key)) ?? [];
  element.textContent = t(element.dataset.msg as string, ...substitutions);
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-link]')) {
  link.href = helpLinkUrl(link.dataset.link as HelpLink, learnLocale());
}

/** An element with attributes and children (strings become text). */
function el(tag: string, attributes: Record<string, string>, ...children: Array<Node | string>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const paths = document.getElementById('paths') as HTMLElement;
for (const path of pathIds) {
  const steps = stepsOf(path);
  const heading = el('h3', { id: `path-${path}` }, t(messageKey('path', path)));
  if (path === 'recommended') heading.append(' ', el('span', { class: 'tag' }, t('tagRecommended')));
  paths.append(
    el(
      'article',
      { class: 'path', 'aria-labelledby': `path-${path}`, 'data-path': path },
      heading,
      el('p', {}, t(messageKey('pathHelp', path))),
      el(
        'details',
        {},
        el('summary', {}, t('helpSteps', String(steps.length))),
        el('ol', {}, ...steps.map((step) => el('li', {}, t(messageKey('step', step.id)), step.optional ? ` (${t('optional')})` : ''))),
      ),
      el('h4', {}, t('helpPathRisks')),
      el('ul', {}, ...risksOf(path).map((risk) => el('li', {}, el('a', { href: `#risk-${risk}` }, t(riskKey('name', risk)))))),
    ),
  );
}

const risks = document.querySelector('.risks') as HTMLElement;
for (const risk of riskIds) {
  risks.append(el('dt', { id: `risk-${risk}` }, t(riskKey('name', risk))), el('dd', {}, t(riskKey('text', risk))));
}
