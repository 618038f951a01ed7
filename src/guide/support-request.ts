/**
 * The request a person pastes into Microsoft Q&A (the Certification support forum) to have
 * support change the personal Microsoft account (MSA) of their Certification profile to the
 * one of their Learn profile. Pure: the popup shows it and copies it; nothing is sent.
 */

export const requestLanguages = ['en', 'fr', 'de', 'es', 'pt', 'ja', 'zh'] as const;
export type RequestLanguage = (typeof requestLanguages)[number];

export interface RequestFacts {
  learnMsa: string;
  certMsa: string;
  mcid: string | null;
}

/** Each language's own name, in that language, for a language picker. */
export const requestLanguageNames: Record<RequestLanguage, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  pt: 'Português',
  ja: '日本語',
  zh: '简体中文',
};

/**
 * One language's words. Labels carry their own separator (French puts a no-break space before
 * ':', Chinese a full-width '：'); `ask` is the text either side of the Learn address, since
 * where an address sits in a sentence differs between languages.
 */
interface RequestWords {
  title: string;
  greeting: string;
  situation: string;
  learnLabel: string;
  certLabel: string;
  mcidLabel: string;
  ask: readonly [before: string, after: string];
  thanks: string;
}

const nbsp = '\u00a0';

// Product names as Microsoft writes them in each language (and as _locales/ already does).
const words: Record<RequestLanguage, RequestWords> = {
  en: {
    title: 'Change the Microsoft account of my Certification profile',
    greeting: 'Hello,',
    situation:
      'My Microsoft Learn profile and my Certification profile use different personal Microsoft accounts, so I cannot connect the two.',
    learnLabel: 'Microsoft account of my Learn profile: ',
    certLabel: 'Microsoft account of my Certification profile (current): ',
    mcidLabel: 'Certification ID (MCID): ',
    ask: [
      'Could you please change the Microsoft account of my Certification profile to ',
      ', so that I can connect it to my Learn profile? I am ready to verify my identity in a private message.',
    ],
    thanks: 'Thank you.',
  },
  fr: {
    title: 'Changer le compte Microsoft de mon profil de certification',
    greeting: 'Bonjour,',
    situation:
      'Mon profil Microsoft Learn et mon profil de certification utilisent des comptes Microsoft personnels différents, je ne peux donc pas les connecter.',
    learnLabel: `Compte Microsoft de mon profil Learn${nbsp}: `,
    certLabel: `Compte Microsoft actuel de mon profil de certification${nbsp}: `,
    mcidLabel: `ID de certification (MCID)${nbsp}: `,
    ask: [
      'Pourriez-vous remplacer le compte Microsoft de mon profil de certification par ',
      `, afin que je puisse le connecter à mon profil Learn${nbsp}? Je peux confirmer mon identité par message privé.`,
    ],
    thanks: 'Merci d’avance.',
  },
  // German letters go on in lower case after "Hallo,".
  de: {
    title: 'Microsoft-Konto meines Zertifizierungsprofils ändern',
    greeting: 'Hallo,',
    situation:
      'mein Microsoft Learn-Profil und mein Zertifizierungsprofil verwenden unterschiedliche persönliche Microsoft-Konten, daher kann ich die beiden nicht miteinander verbinden.',
    learnLabel: 'Microsoft-Konto meines Learn-Profils: ',
    certLabel: 'Aktuelles Microsoft-Konto meines Zertifizierungsprofils: ',
    mcidLabel: 'Zertifizierungs-ID (MCID): ',
    ask: [
      'Könnten Sie bitte das Microsoft-Konto meines Zertifizierungsprofils auf ',
      ' ändern, damit ich es mit meinem Learn-Profil verbinden kann? Gerne bestätige ich meine Identität per privater Nachricht.',
    ],
    thanks: 'Vielen Dank!',
  },
  es: {
    title: 'Cambiar la cuenta Microsoft de mi perfil de certificación',
    greeting: 'Hola:',
    situation:
      'Mi perfil de Microsoft Learn y mi perfil de certificación usan cuentas Microsoft personales distintas, por lo que no puedo conectarlos.',
    learnLabel: 'Cuenta Microsoft de mi perfil de Learn: ',
    certLabel: 'Cuenta Microsoft actual de mi perfil de certificación: ',
    mcidLabel: 'ID de certificación (MCID): ',
    ask: [
      '¿Podrían cambiar la cuenta Microsoft de mi perfil de certificación por ',
      ' para que pueda conectarlo a mi perfil de Learn? Puedo verificar mi identidad por mensaje privado.',
    ],
    thanks: 'Muchas gracias.',
  },
  // Written to read well in both Brazil and Portugal (articles before possessives).
  pt: {
    title: 'Alterar a conta Microsoft do meu perfil de certificação',
    greeting: 'Olá,',
    situation:
      'O meu perfil do Microsoft Learn e o meu perfil de certificação usam contas Microsoft pessoais diferentes, por isso não consigo conectá-los.',
    learnLabel: 'Conta Microsoft do meu perfil do Learn: ',
    certLabel: 'Conta Microsoft atual do meu perfil de certificação: ',
    mcidLabel: 'ID de certificação (MCID): ',
    ask: [
      'Poderiam, por favor, alterar a conta Microsoft do meu perfil de certificação para ',
      ', de modo que eu possa conectá-lo ao meu perfil do Learn? Posso confirmar a minha identidade por mensagem privada.',
    ],
    thanks: 'Agradeço desde já.',
  },
  ja: {
    title: '認定資格プロファイルの Microsoft アカウント変更のお願い',
    greeting: 'お世話になっております。',
    situation:
      'Microsoft Learn プロファイルと認定資格プロファイルで異なる個人用 Microsoft アカウントを使用しているため、2 つのプロファイルを接続できません。',
    learnLabel: 'Learn プロファイルの Microsoft アカウント: ',
    certLabel: '認定資格プロファイルの現在の Microsoft アカウント: ',
    mcidLabel: '認定資格 ID (MCID): ',
    ask: [
      'Learn プロファイルと接続できるよう、認定資格プロファイルの Microsoft アカウントを ',
      ' に変更していただけないでしょうか。本人確認が必要な場合は、プライベート メッセージで対応いたします。',
    ],
    thanks: 'よろしくお願いいたします。',
  },
  zh: {
    title: '请求更改认证配置文件的 Microsoft 帐户',
    greeting: '您好，',
    situation:
      '我的 Microsoft Learn 配置文件和认证配置文件使用的是不同的个人 Microsoft 帐户，因此无法将两者连接。',
    learnLabel: 'Learn 配置文件的 Microsoft 帐户：',
    certLabel: '认证配置文件当前的 Microsoft 帐户：',
    mcidLabel: '认证 ID (MCID)：',
    ask: [
      '能否请您将我的认证配置文件的 Microsoft 帐户更改为 ',
      '，以便我将其与 Learn 配置文件连接？如需验证身份，我可以通过私信提供信息。',
    ],
    thanks: '谢谢！',
  },
};

const isRequestLanguage = (value: string): value is RequestLanguage =>
  (requestLanguages as readonly string[]).includes(value);

// Traditional Chinese is not written here: better English than a script the reader may not read.
const traditionalChinese = new Set(['hant', 'tw', 'hk', 'mo']);

/** The language of the request for a Learn locale ('fr-ca' -> 'fr'); English when none fits. */
export function requestLanguageOf(locale: string | null | undefined): RequestLanguage {
  const [language = '', ...rest] = (locale ?? '').trim().toLowerCase().split(/[-_]/);
  if (language === 'zh' && rest.some((part) => traditionalChinese.has(part))) return 'en';
  return isRequestLanguage(language) ? language : 'en';
}

/**
 * The Certification ID as typed, spaces and dashes taken out: null when none is given,
 * undefined when it is not 1 to 12 ASCII digits (the popup then says so).
 */
export function mcidOf(input: string): string | null | undefined {
  if (input.trim() === '') return null;
  const digits = input.replace(/[\s\-\u2010-\u2015]/g, '');
  return /^[0-9]{1,12}$/.test(digits) ? digits : undefined;
}

/** The request: a title for Q&A's title field, and the body. Addresses go in as given. */
export function supportRequest(facts: RequestFacts, language: RequestLanguage): { title: string; body: string } {
  const w = words[language];
  // Concatenation, not String.replace: an address is data, and '$&' in one must stay as typed.
  const list = [
    '- ' + w.learnLabel + facts.learnMsa,
    '- ' + w.certLabel + facts.certMsa,
    ...(facts.mcid === null ? [] : ['- ' + w.mcidLabel + facts.mcid]),
  ];
  const lines = [w.greeting, '', w.situation, '', ...list, '', w.ask[0] + facts.learnMsa + w.ask[1], '', w.thanks];
  return { title: w.title, body: lines.join('\n') };
}
