/**
 * What the popup's later chunks (Forum.tsx) use of the popup, and take from it at run time
 * rather than carry a copy of: one Preact (its hooks work only with the Preact that renders
 * them), one set of helpers. main.tsx exports all of this from popup.js; the chunk's build
 * (scripts/build.ts) turns its imports of this module, and of Preact, into imports of popup.js.
 */
export { Fragment, h } from 'preact';
export { useEffect, useState } from 'preact/hooks';
export { CertMsaForm } from './CertificationFields.tsx';
export { t, uiLanguage } from './i18n.ts';
export { ReadSettings } from './ReadSettings.tsx';
export { send } from './use-stored-progress.ts';
