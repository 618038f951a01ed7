import type { Kind } from './drift-truth.ts';

// ---------------------------------------------------------------------------------------
// Wording: Learn's labels on the saved pages, and the same in other words and languages.

export type Language = 'en' | 'fr' | 'de';

/** Each row: English, French, German (German has no word table: only attributes find things). */
export const labels: Array<[string, string, string]> = [
  ['Account management', 'Gestion du compte', 'Kontoverwaltung'],
  ['Remove', 'Supprimer', 'Entfernen'],
  ['Add account', 'Ajouter un compte', 'Konto hinzufügen'],
  ['Personal account', 'Compte personnel', 'Persönliches Konto'],
  ['Work or school account', 'Compte professionnel ou scolaire', 'Geschäfts-, Schul- oder Unikonto'],
  ['Sign out', 'Se déconnecter', 'Abmelden'],
  ['Sign in', 'Se connecter', 'Anmelden'],
  ['Settings', 'Paramètres', 'Einstellungen'],
  ['Profile', 'Profil', 'Profil'],
  ['Credentials', 'Informations d’identification', 'Anmeldeinformationen'],
  ['Connect a certification profile', 'Connecter un profil de certification', 'Zertifizierungsprofil verbinden'],
  ['Connected certification profile', 'Profil de certification connecté', 'Verbundenes Zertifizierungsprofil'],
  ['Delete profile', 'Supprimer le profil', 'Profil löschen'],
  ['Your Account', 'Votre compte', 'Ihr Konto'],
  ['Signed in', 'Connecté', 'Angemeldet'],
  ['Remove account?', 'Supprimer le compte ?', 'Konto entfernen?'],
  ['Cancel', 'Annuler', 'Abbrechen'],
  ['Activity', 'Activité', 'Aktivität'],
  // The shapes' words (shapes compose with translation): short kind labels, table headers,
  // the per-row menu's opener.
  ['Personal', 'Personnel', 'Persönlich'],
  ['Work or school', 'Professionnel ou scolaire', 'Geschäftlich oder Schule'],
  ['Microsoft account', 'Compte Microsoft', 'Microsoft-Konto'],
  ['Work account', 'Compte professionnel', 'Geschäftskonto'],
  ['Account', 'Compte', 'Konto'],
  ['Type', 'Type', 'Typ'],
  ['Actions', 'Actions', 'Aktionen'],
  ['More actions', 'Plus d’actions', 'Weitere Aktionen'],
];
export const languageIndex: Record<Language, number> = { en: 0, fr: 1, de: 2 };
/** A label (named by its English words) in a language. */
export function say(english: string, language: Language): string {
  const row = labels.find((r) => r[0] === english);
  if (!row) throw new Error(`no label ${english}`);
  return row[languageIndex[language]] as string;
}
export const kindLabel = (kind: Kind, language: Language) => say(kind === 'personal' ? 'Personal account' : 'Work or school account', language);

/**
 * English rewordings: some still in the word table (the locators must still find by name),
 * some not (only attributes and structure can find the control then).
 */
export const rewordings: Record<string, string[]> = {
  'account management': ['Linked accounts', 'Manage your accounts', 'Sign-in accounts'],
  remove: ['Remove account', 'Remove this account', 'Unlink', 'Disconnect'],
  'add account': ['Add login account', 'Add an account', 'Link another account'],
  'personal account': ['Microsoft account', 'Personal', 'MSA'],
  'work or school account': ['Work account', 'Organizational account', 'Microsoft Entra ID'],
  'sign out': ['Log out', 'Sign out'],
  settings: ['Profile settings', 'Settings'],
};

export const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

const inAllLanguages = (english: string[]) => english.flatMap((en) => labels.find((r) => r[0] === en) ?? []);
/**
 * Every way the pages say an account's kind: the labels in each language, short and long,
 * and the English rewordings. A kind's label no longer one of these is destroyed.
 */
export const kindWords: Record<Kind, Set<string>> = {
  personal: new Set(
    [...inAllLanguages(['Personal account', 'Personal', 'Microsoft account']), ...(rewordings['personal account'] as string[])].map(key),
  ),
  work: new Set(
    [...inAllLanguages(['Work or school account', 'Work or school', 'Work account']), ...(rewordings['work or school account'] as string[])].map(key),
  ),
};
/** The "Signed in" badge of the row of the account signed in with, in each language. */
export const signedInWords = new Set(inAllLanguages(['Signed in']).map(key));
