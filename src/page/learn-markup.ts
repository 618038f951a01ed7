/**
 * Everything the extension knows of Learn's markup and wording, in one place.
 * When Learn changes, this file and the pages under test/fixtures/pages change, nothing else.
 * Each entry says which page variant it serves.
 */

/** `<html>` attributes Learn's own script sets once it knows who is signed in (2024-2026). */
export const authAttributes = {
  authenticated: 'data-authenticated',
  determined: 'data-auth-status-determined',
} as const;

/** The header's account menu (details/summary popover, 2024-2026). */
export const header = {
  accountMenu: 'details[data-bi-name="site-header-user"]',
  signedInAddress: '[data-profile-property="upn"]',
  signIn: 'a.docs-sign-in, [data-bi-name="site-header-sign-in"]',
  signOut: 'a.docs-sign-out, [data-bi-name="site-header-sign-out"]',
  /** Everything inside these belongs to the header, never to the page's account list. */
  regions: 'header, [data-bi-name="site-header-user"], #site-header, .header-holder',
} as const;

/** Ways a section can name itself "Account management" without visible text (any variant). */
export const accountSectionAttributes =
  '[data-bi-name*="account-management" i], [id*="account-management" i], [data-section*="account" i]';

/** Controls whose own text names what they do. */
export const controls = 'a[href], button, [role="button"], [role="link"]';

/** Elements whose text is never page content. */
export const skippedTags = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * Learn's wording, per locale. Matched against one element's or one text node's own text,
 * lower-cased, never against a row's concatenated text.
 */
export interface LearnWords {
  /** Heading of the Settings section that lists linked accounts. */
  accountManagement: RegExp;
  /** Label of the icon or text that marks a personal Microsoft account. */
  personal: RegExp;
  /** Label of the icon or text that marks a work or school account. */
  work: RegExp;
  /** Link shown once a Certification profile is connected (Settings, credentials). */
  manageCertification: RegExp;
  /** Button or link that starts connecting a Certification profile. */
  connectCertification: RegExp;
}

export const learnWords: Record<string, LearnWords> = {
  // English: "Account management", icons labelled "Personal account" / "Work or school account".
  en: {
    accountManagement: /^(account management|manage (your )?accounts|linked accounts)$/,
    personal: /\b(personal|microsoft account|msa)\b/,
    work: /\b(work|school|organi[sz]ation(al)?|entra|aad)\b/,
    manageCertification: /^manage (your )?certification profile/,
    connectCertification: /^connect (a |your )?certification profile$/,
  },
  // French, as quoted by Microsoft's French procedure: "Gestion du compte", and the kinds
  // "Compte personnel" / "Compte professionnel ou scolaire".
  fr: {
    accountManagement: /^(gestion du compte|gestion des comptes|comptes (li[ée]s|associ[ée]s))$/,
    personal: /\b(personnel|compte microsoft|msa)\b/,
    work: /\b(professionnel|scolaire|organisation(nel)?|entra|aad)\b/,
    manageCertification: /^g[ée]rer (le |votre )?profil de certification/,
    connectCertification: /^connecter (un |le |votre )?profil de certification$/,
  },
};

/** The words of the page's language, with English as the fallback Learn itself uses. */
export function wordsFor(locale: string): LearnWords[] {
  const language = locale.slice(0, 2).toLowerCase();
  const own = learnWords[language];
  const english = learnWords.en as LearnWords;
  return own && own !== english ? [own, english] : [english];
}

/** An e-mail address inside one piece of text. */
export const addressPattern = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/i;
