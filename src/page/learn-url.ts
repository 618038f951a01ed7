import type { LearnPage } from './observation.ts';

/**
 * Which Learn page a path is, asked of the path in lowercase (no pattern on a Learn page's
 * way is case-insensitive: the first such pattern a new world runs costs ~0.15 ms more to
 * compile). Learn puts the locale first (`/en-us/users/me/settings/`);
 * a path without it is accepted too, since Learn redirects those. Group 1: Settings; group 2:
 * Credentials and what opens under it (the connect flow lands on /credentials/connect);
 * neither: the profile (`/users/me/`, `/users/me/activity/`).
 */
const profilePages = /^(?:\/[a-z]{2}(?:-[a-z0-9]{2,4}){0,2})?\/users\/me\/(?:(settings)\/?|(?:achievements\/)?(credentials)(?:\/[\w-]*)*\/?|(?:activity\/?)?)$/;

export const learnHost = 'learn.microsoft.com';

/** The kind of Learn page at this URL; null off Learn. */
export function learnPageOf(url: URL | Location): LearnPage | null {
  return url.hostname === learnHost && url.protocol === 'https:' ? learnPageAt(url.pathname) : null;
}

/**
 * The kind of Learn page at this path of Learn's. The content script's question: the
 * manifest injects it on Learn's pages alone, so it asks nothing of the host.
 */
export function learnPageAt(path: string): LearnPage {
  // Most Learn pages are not profile pages: answered without running the pattern, whose first
  // run in a new world is a compile (~0.3 ms while it was case-insensitive, less since:
  // PROFILE_FLOOR_EXTRA of profile-docs.ts).
  const lower = path.toLowerCase();
  const match = lower.includes('/users/me') && profilePages.exec(lower);
  return match ? (match[1] ? 'settings' : match[2] ? 'credentials' : 'profile') : 'other';
}

/** Microsoft Q&A (learn.microsoft.com/<locale>/answers/), where the forum steps' question is asked. */
export const isQnaPage = (url: string): boolean => url.includes('/answers/');

/** Settings, profile and credentials: read on every visit, path or not. */
export function isProfilePage(page: LearnPage): boolean {
  return page != 'other';
}

export function isSettingsPage(url: URL | Location): boolean {
  return learnPageOf(url) === 'settings';
}

/** The locale segment of a Learn path, in lowercase; none when the path has none. */
export function localeOfPath(pathname: string): string | undefined {
  return /^\/([a-z]{2}(?:-[a-z0-9]{2,4}){0,2})(?:\/|$)/.exec(pathname.toLowerCase())?.[1];
}
