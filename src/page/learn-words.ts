import type { LearnWords } from './learn-markup.ts';
import type { StoredLearn } from './learn-data.ts';
import { addressPattern, storedSelectors } from './learn-markup.ts';
import { stepAttribute } from '../overlay/contract.ts';

/**
 * The attributes that label an element, whatever the page's language: the accessible name, a
 * tooltip, an image's text, class names and data values (read-page.ts, kindOfRow). Stored with
 * each language's words, so that a table without it matches nothing; here, beside the words, so
 * that the content script does not carry it. Not the guide's own mark on a highlighted Remove
 * (its step, `remove-msa`, would say personal).
 */
const labelAttributes = RegExp(`^(?!${stepAttribute}$)(aria-label|title|alt|class|data-.*)$`);

/**
 * Learn's wording, per language: what the readers and locators match one element's or one
 * text node's own text against (lower-cased), never a row's concatenated text. Data, not
 * code: the worker stores it (storedLearn) and the content script takes it from storage
 * (learn-data.ts), so the script parsed on every Learn page carries no language's patterns.
 * When Learn rewords a label, this table and the saved pages under test/fixtures/pages change.
 */
export const learnWords: Record<string, LearnWords> = {
  // English: "Account management", icons labelled "Personal account" / "Work or school account".
  en: {
    accountManagement: /^(account management|manage (your )?accounts|linked accounts)$/,
    personal: /\b(personal|microsoft account|msa)\b/,
    work: /\b(work|school|organi[sz]ation(al)?|entra|aad)\b/,
    // "Connected certification profile".
    certificationSection: /certification/,
    manageCertification: /^manage (your )?certification profile/,
    connectCertification: /^connect (a |your )?certification profile$/,
    signIn: /^sign in$/,
    signOut: /^sign out$/,
    settings: /^settings$/,
    // "Add account" (2024-2026), "Add login account" (older Settings).
    addAccount: /^add (a |login )?account$/,
    // "Remove", "Remove account", "Remove learner@outlook.com" (an icon's label), "Remove from
    // profile", "Remove…" (a button that asks first), and a redesign's "Unlink" or "Disconnect"
    // (only ever asked of a row's controls and of a dialog's); not "Remove photo" nor "Remove
    // profile". (\x40 is '@': no stored value carries one, so none can be taken for an address.)
    remove: /^(remove|unlink|disconnect)( (this |the )?account)?( \S+\x40\S+)?( from (your |the )?profile)?(…|\.\.\.)?$/,
    mergeProfiles: /^merge( profiles)?$/,
    createProfile: /^create (your |a )?profile$/,
    askQuestion: /^ask (a )?question$/,
    labelAttributes,
  },
  // French, as quoted by Microsoft's French procedure: "Gestion du compte", and the kinds
  // "Compte personnel" / "Compte professionnel ou scolaire".
  fr: {
    accountManagement: /^(gestion du compte|gestion des comptes|comptes (li[ée]s|associ[ée]s))$/,
    personal: /\b(personnel|compte microsoft|msa)\b/,
    work: /\b(professionnel|scolaire|organisation(nel)?|entra|aad)\b/,
    // "Profil de certification connecté".
    certificationSection: /certification/,
    manageCertification: /^g[ée]rer (le |votre )?profil de certification/,
    connectCertification: /^connecter (un |le |votre )?profil de certification$/,
    signIn: /^se connecter$/,
    signOut: /^se d[ée]connecter$/,
    settings: /^param[èe]tres$/,
    addAccount: /^ajouter un compte( de connexion)?$/,
    remove: /^(supprimer|retirer|dissocier)( (ce |le )?compte)?( \S+\x40\S+)?( du profil)?(…|\.\.\.)?$/,
    mergeProfiles: /^fusionner( les profils)?$/,
    createProfile: /^cr[ée]er (votre |un )?profil$/,
    // Microsoft Q&A in French: « Poser une question ».
    askQuestion: /^poser (une )?question$/,
    labelAttributes,
  },
};

/**
 * `locale` (a Learn page's, lower case) when the table has no words for its language: the
 * page's labels are then matched against English words alone, and few are found. Else null.
 */
export const unreadLocale = (locale: string | undefined): string | null => (locale && !Object.hasOwn(learnWords, locale.slice(0, 2)) ? locale : null);

/** What the worker stores for the content scripts: the words (each pattern's source), the selectors and the address pattern's source. */
export const storedLearn: StoredLearn = {
  words: Object.fromEntries(
    Object.entries(learnWords).map(([language, words]) => [
      language,
      Object.fromEntries(Object.entries(words).map(([key, pattern]) => [key, pattern.source])) as Record<keyof LearnWords, string>,
    ]),
  ),
  selectors: storedSelectors,
  // '@' written \x40, as the words write it: after a reset, nothing stored holds an '@' (no address is kept).
  address: addressPattern.source.replaceAll('@', '\\x40'),
};
