import type { Kind } from './drift-truth.ts';

// ---------------------------------------------------------------------------------------
// Wording: Learn's labels on the saved pages, and the same in other words and languages.

export type Language = 'en' | 'fr' | 'de' | 'sv';

/**
 * Each row: English, French, German, Swedish. Swedish has no word table (learn-words.ts): only
 * attributes and structure find things on a page in it. German's words were written apart
 * from the table's, as a redesign's could be.
 */
export const labels: Array<[string, string, string, string]> = [
  ['Account management', 'Gestion du compte', 'Kontoverwaltung', 'Kontohantering'],
  ['Remove', 'Supprimer', 'Entfernen', 'Ta bort'],
  ['Add account', 'Ajouter un compte', 'Konto hinzufügen', 'Lägg till konto'],
  ['Personal account', 'Compte personnel', 'Persönliches Konto', 'Personligt konto'],
  ['Work or school account', 'Compte professionnel ou scolaire', 'Geschäfts-, Schul- oder Unikonto', 'Arbets- eller skolkonto'],
  ['Sign out', 'Se déconnecter', 'Abmelden', 'Logga ut'],
  ['Sign in', 'Se connecter', 'Anmelden', 'Logga in'],
  ['Settings', 'Paramètres', 'Einstellungen', 'Inställningar'],
  ['Profile', 'Profil', 'Profil', 'Profil'],
  ['Credentials', 'Informations d’identification', 'Anmeldeinformationen', 'Autentiseringsuppgifter'],
  ['Connect a certification profile', 'Connecter un profil de certification', 'Zertifizierungsprofil verbinden', 'Anslut en certifieringsprofil'],
  ['Connected certification profile', 'Profil de certification connecté', 'Verbundenes Zertifizierungsprofil', 'Ansluten certifieringsprofil'],
  ['Delete profile', 'Supprimer le profil', 'Profil löschen', 'Ta bort profil'],
  ['Your Account', 'Votre compte', 'Ihr Konto', 'Ditt konto'],
  ['Signed in', 'Connecté', 'Angemeldet', 'Inloggad'],
  ['Remove account?', 'Supprimer le compte ?', 'Konto entfernen?', 'Ta bort kontot?'],
  ['Cancel', 'Annuler', 'Abbrechen', 'Avbryt'],
  ['Activity', 'Activité', 'Aktivität', 'Aktivitet'],
  // The shapes' words (shapes compose with translation): short kind labels, table headers,
  // the per-row menu's opener.
  ['Personal', 'Personnel', 'Persönlich', 'Personligt'],
  ['Work or school', 'Professionnel ou scolaire', 'Geschäftlich oder Schule', 'Arbete eller skola'],
  ['Microsoft account', 'Compte Microsoft', 'Microsoft-Konto', 'Microsoft-konto'],
  ['Work account', 'Compte professionnel', 'Geschäftskonto', 'Arbetskonto'],
  ['Account', 'Compte', 'Konto', 'Konto'],
  ['Type', 'Type', 'Typ', 'Typ'],
  ['Actions', 'Actions', 'Aktionen', 'Åtgärder'],
  ['More actions', 'Plus d’actions', 'Weitere Aktionen', 'Fler åtgärder'],
];
export const languageIndex: Record<Language, number> = { en: 0, fr: 1, de: 2, sv: 3 };
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
