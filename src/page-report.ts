import { hostId, stepAttribute } from './overlay/contract.ts';
import { learnPageOf } from './page/learn-url.ts';
import { pageReport } from './page/page-report.ts';

/**
 * Injected by the popup (chrome.scripting) into the current Learn tab only when the person
 * asks for a page report: the content script, parsed on every Learn page, does not carry it.
 * The value of this script's last statement is what executeScript hands back to the popup.
 */
const overlay = document.getElementById(hostId);
const step = document.querySelector(`[${stepAttribute}]`)?.getAttribute(stepAttribute);
pageReport(document, [`page: ${learnPageOf(location) ?? 'not a Learn page'}`, `guide: ${overlay?.dataset.mode ?? 'none'}${step ? ` step=${step}` : ''}`]);
