import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReport } from '../../src/page/page-report.ts';

describe('pageReport', () => {
  for (const file of ['en-us-settings-has-aad.html', 'fr-fr-settings-remove-dialog.html']) {
    it(`outlines ${file} without an address or the person's name`, () => {
      const doc = new DOMParser().parseFromString(readFileSync(resolve('test/fixtures/pages', file), 'utf8'), 'text/html');
      const report = pageReport(doc, ['page: settings']);
      expect(report).toContain('[data-bi-name="add-account"]');
      expect(report).toContain('[data-bi-name="remove-account"]');
      expect(report).toContain('[role="img"][aria-label=');
      expect(report).toMatch(/details\(header\)\[data-bi-name="site-header-user"\]/);
      expect(report).not.toMatch(/@/);
      expect(report).not.toContain('Muñoz');
      expect(report.split('\n').length).toBeLessThanOrEqual(402);
    });
  }
});
