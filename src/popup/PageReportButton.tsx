import { useState } from 'preact/hooks';
import { t } from './i18n.ts';

/**
 * Copies an outline of the Learn page in the current tab (its structure, with addresses and
 * names left out) for a bug report when the guide cannot find a control. The outline is made
 * by page-report.js, injected into that tab now (chrome.scripting, Learn's host only): the
 * content script parsed on every Learn page does not carry it.
 */
export function PageReportButton() {
  const [status, setStatus] = useState<'copied' | 'no-page' | null>(null);
  const copy = async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    const results = tab?.id === undefined ? [] : await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['page-report.js'] }).catch(() => []);
    const report: unknown = results[0]?.result;
    if (typeof report !== 'string') {
      setStatus('no-page');
      return;
    }
    await navigator.clipboard.writeText(report);
    setStatus('copied');
  };
  return (
    <p class="small">
      <button type="button" class="link" onClick={() => void copy()} aria-describedby="page-report-help">
        {t('copyPageReport')}
      </button>
      <span id="page-report-help" class="muted"> {t('copyPageReportHelp')}</span>
      {status && <span role="status"> {t(status === 'copied' ? 'copied' : 'pageReportNoPage')}</span>}
    </p>
  );
}
