import { forumUrl } from '../guide/procedure.ts';

/**
 * The pages the help page links to: Microsoft's own instructions on Learn, in Learn's locale
 * of the language shown (`{locale}`), and the Certification support forum the popup opens.
 */
export const helpLinks = {
  connect: 'https://learn.microsoft.com/{locale}/certifications/connect-cert-profile-to-learn',
  manage: 'https://learn.microsoft.com/{locale}/training/support/learn-profile-manage',
  forum: forumUrl,
} as const;

export type HelpLink = keyof typeof helpLinks;

export function helpLinkUrl(link: HelpLink, learnLocale: string): string {
  return helpLinks[link].replace('{locale}', learnLocale);
}
