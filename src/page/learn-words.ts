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
 * A kind's words, each a whole word: no letter of the Latin, Greek or Cyrillic scripts, digit
 * or underscore just before or after it. JavaScript's `\b` sees ASCII alone: beside ä, ł or
 * any Cyrillic letter it finds a boundary inside a word ("schul" in "schulübergreifend",
 * "личн" in "публичный"). A name for Microsoft's personal account ("compte Microsoft") is one
 * only when nothing but punctuation follows it: not in "compte Microsoft 365", "Microsoft®
 * 365" or "Microsoft Learn".
 */
const wordCharacters = '0-9_a-z\\u00df-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff';
const kindWords = (words: string) => RegExp(`(?<![${wordCharacters}])(${words})(?![${wordCharacters}])`);
const nothingMore = '(?![ \\-–]*[^\\s(),.;:!?…（）、。])';
const msaName = (words: string) => `(${words})${nothingMore}`;

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
    personal: RegExp(`\\b(personnel|compte microsoft${nothingMore}|msa)\\b`),
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
  // The five languages below are those the extension itself speaks (_locales) besides English
  // and French. Their words are Microsoft's own terms in each language (support.microsoft.com's
  // "personal account" and "work or school account", Sign in and Sign out) and what Learn's
  // help pages (zh-TW: 設定, 已連線的認證設定檔, 管理認證設定檔和測驗折扣) or a blog post
  // (ja: アカウント管理, アカウントの追加) quote of its Settings: not read off Learn's Settings
  // in that language, which nobody here has seen. A label Learn words otherwise finds nothing
  // (the guide docks, as it did with no table); no word of one kind is a word of the other.
  // German. Compounds are one word ("Unikonto", "Zertifizierungsprofil"): no \b inside them.
  de: {
    accountManagement: /^(kontoverwaltung|konten verwalten|verknüpfte konten|anmeldekonten)$/,
    personal: kindWords(`persönlich(e[nrs]?)?|${msaName('microsoft[- ]konto')}|msa`),
    work: kindWords('geschäfts(konto)?|geschäftlich(e[nrs]?)?|schul(e|konto)?|unikonto|arbeitskonto|firmenkonto|organisations?konto|organisation|entra|aad'),
    certificationSection: /zertifizierung/,
    manageCertification: /^((das |ihr )?zertifizierungsprofil( und prüfungsrabatte)? verwalten|verwalten (des|ihres) zertifizierungsprofils)/,
    connectCertification: /^((ein |das |ihr )?zertifizierungsprofil verbinden|verbinden (des|ihres) zertifizierungsprofils)$/,
    signIn: /^anmelden$/,
    signOut: /^abmelden$/,
    settings: /^einstellungen$/,
    addAccount: /^(ein |anmelde)?konto hinzufügen$/,
    // "Entfernen", "Konto entfernen", "learner@outlook.com entfernen", "Aus dem Profil
    // entfernen"; not "Profil löschen", nor "Trennen" (which also says sign out).
    remove: /^((dieses |das )?konto |\S+\x40\S+ |aus dem profil )?(entfernen|verknüpfung aufheben)(…|\.\.\.)?$/,
    mergeProfiles: /^(profile )?zusammenführen$/,
    createProfile: /^(ihr |ein )?profil erstellen$/,
    askQuestion: /^(eine )?frage stellen$/,
    labelAttributes,
  },
  // Spanish: "cuenta personal", "cuenta profesional o educativa".
  es: {
    accountManagement: /^(administración de (las )?cuentas|gestión de (las )?cuentas|administrar (tus |sus )?cuentas|cuentas vinculadas)$/,
    personal: kindWords(`personal|${msaName('cuenta (de )?microsoft')}|msa`),
    work: kindWords('profesional|educativa|laboral|escolar|trabajo|escuela|organizaci[óo]n|organizacional|organizativa|entra|aad'),
    certificationSection: /certificaci[óo]n/,
    manageCertification: /^administrar (el |tu |su )?perfil de certificaci[óo]n/,
    connectCertification: /^conectar (un |el |tu |su )?perfil de certificaci[óo]n$/,
    signIn: /^iniciar sesi[óo]n$/,
    signOut: /^cerrar sesi[óo]n$/,
    settings: /^(configuraci[óo]n|ajustes)$/,
    addAccount: /^(agregar|añadir) (una )?cuenta( de inicio de sesi[óo]n)?$/,
    // "Quitar", "Eliminar cuenta"; not "Eliminar perfil", nor "Desconectar" (which also says
    // sign out).
    remove: /^(quitar|eliminar|desvincular)( (esta |la )?cuenta)?( \S+\x40\S+)?( del perfil)?(…|\.\.\.)?$/,
    mergeProfiles: /^(combinar|fusionar)( (los )?perfiles)?$/,
    createProfile: /^crear (tu |un |su )?perfil$/,
    askQuestion: /^(hacer|formular) una pregunta$/,
    labelAttributes,
  },
  // Portuguese, Brazil's and Portugal's: "conta pessoal", "conta corporativa ou de estudante".
  pt: {
    accountManagement: /^(gerenciamento de contas?|gestão de contas?|gerenciar (suas |as )?contas|gerir (as )?contas|contas (vinculadas|associadas|ligadas))$/,
    personal: kindWords(`pessoal|${msaName('conta (da )?microsoft')}|msa`),
    work: kindWords('corporativa|profissional|escolar|estudante|trabalho|organiza[çc][ãa]o|organizacional|entra|aad'),
    certificationSection: /certifica[çc][ãa]o/,
    manageCertification: /^(gerenciar|gerir) (o |seu )?perfil de certifica[çc][ãa]o/,
    connectCertification: /^(conectar|ligar) (um |o |seu )?perfil de certifica[çc][ãa]o$/,
    signIn: /^(entrar|iniciar sess[ãa]o)$/,
    signOut: /^(sair|terminar sess[ãa]o|encerrar sess[ãa]o)$/,
    settings: /^(configura[çc][õo]es|defini[çc][õo]es)$/,
    addAccount: /^adicionar (uma )?conta( de (login|entrada|in[íi]cio de sess[ãa]o))?$/,
    // "Remover", "Remover conta"; not "Excluir perfil", nor "Desconectar" (also: sign out).
    remove: /^(remover|desvincular)( (esta |a )?conta)?( \S+\x40\S+)?( do perfil)?(…|\.\.\.)?$/,
    mergeProfiles: /^(mesclar|unir)( (os )?perfis)?$/,
    createProfile: /^criar (seu |um )?perfil$/,
    askQuestion: /^fazer uma pergunta$/,
    labelAttributes,
  },
  // Japanese: 個人用アカウント, 職場または学校アカウント. Whole account names, not 個人 or 組織
  // alone: 個人用設定 is "Personalization", 個人情報 "personal information".
  ja: {
    accountManagement: /^(アカウント管理|アカウントの管理|リンクされたアカウント)$/,
    personal: RegExp(`個人用? ?(アカウント|microsoft)|^個人用?$|microsoft ?アカウント${nothingMore}|\\bmsa\\b`),
    work: /職場または学校|(職場|学校|組織)の? ?アカウント|^(職場|学校|組織)$|\bentra\b|\baad\b/,
    certificationSection: /認定/,
    manageCertification: /^認定(プロファイル|プロフィール)(と[^を]+)?(を管理|の管理)/,
    connectCertification: /^認定(プロファイル|プロフィール)(を|の)接続$/,
    signIn: /^サインイン$/,
    signOut: /^サインアウト$/,
    settings: /^設定$/,
    addAccount: /^アカウント(の|を)追加$/,
    // 削除 ("Remove", also "Delete"): only the word alone or with アカウント, not プロファイルの削除.
    remove: /^(アカウント(を|の))?(削除|リンク解除|リンクを解除)(…|\.\.\.)?$/,
    mergeProfiles: /^((プロファイル|プロフィール)(を|の))?(統合|マージ)$/,
    createProfile: /^(プロファイル|プロフィール)(を|の)作成$/,
    askQuestion: /^(質問する|質問を投稿)$/,
    labelAttributes,
  },
  // Chinese, Simplified (zh-CN: 个人帐户, 工作或学校帐户) and Traditional (zh-TW, zh-HK: 個人帳戶,
  // 公司或學校帳戶). Whole account names, not 个人 or 工作 alone: 个人资料 is "profile", 工作区
  // "workspace". zh-TW's 設定檔 ("profile") starts with 設定 ("Settings"): only a name that is
  // 設定 alone is Settings.
  zh: {
    accountManagement: /^(帐户管理|账户管理|帳戶管理|管理(帐户|账户|帳戶)|已(链接|连接)的(帐户|账户)|已(連結|連線)的帳戶)$/,
    personal: RegExp(`(个人|個人) ?(帐户|账户|账号|帳戶|帳號|microsoft)|^(个人|個人)$|microsoft ?(帐户|账户|账号|帳戶|帳號)${nothingMore}|\\bmsa\\b`),
    work: /(工作|公司)或(学校|學校)|(工作|学校|學校|公司|组织|組織) ?(帐户|账户|账号|帳戶|帳號)|^(工作|学校|學校|公司|组织|組織)$|\bentra\b|\baad\b/,
    certificationSection: /认证|認證/,
    manageCertification: /^管理(认证|認證)(配置文件|设置文件|設定檔|档案|檔案)/,
    connectCertification: /^(连接|連線|連接)(认证|認證)(配置文件|設定檔|档案|檔案)$/,
    signIn: /^(登录|登入)$/,
    signOut: /^(注销|登出|退出登录|退出)$/,
    settings: /^(设置|設定)$/,
    addAccount: /^(添加|新增|加入)(帐户|账户|帳戶)$/,
    // Not 删除配置文件 / 刪除設定檔 ("Delete profile").
    remove: /^(删除|刪除|移除|取消关联|取消連結)(帐户|账户|帳戶)?(…|\.\.\.)?$/,
    mergeProfiles: /^(合并|合併)(配置文件|設定檔)?$/,
    createProfile: /^(创建|建立)(配置文件|設定檔)$/,
    askQuestion: /^(提问|提出问题|提問|提出問題)$/,
    labelAttributes,
  },
  // Five more of Learn's languages, read though the extension does not speak them (the guide
  // speaks English there, or the browser's language): words from the same sources, by the same
  // rules.
  // Italian: "Account personale", "Account aziendale o dell'istituto di istruzione".
  it: {
    accountManagement: /^(gestione (degli )?account|gestisci (i tuoi )?account|account collegati)$/,
    personal: kindWords(`personale|${msaName('account microsoft')}|msa`),
    work: kindWords('aziendale|lavoro|istituto di istruzione|scuola|scolastico|organizzazione|organizzativo|entra|aad'),
    certificationSection: /certificazion/,
    manageCertification: /^gestisci (il (tuo )?)?profilo (di )?certificazione/,
    connectCertification: /^connetti (un |il (tuo )?)?profilo (di )?certificazione$/,
    signIn: /^accedi$/,
    signOut: /^esci$/,
    settings: /^impostazioni$/,
    addAccount: /^aggiungi (un )?account( di accesso)?$/,
    // "Rimuovi", "Rimuovi l'account"; not "Elimina profilo" nor "Rimuovi foto".
    remove: /^(rimuovi|scollega)( (questo |l['’] ?)?account)?( \S+\x40\S+)?( dal profilo)?(…|\.\.\.)?$/,
    mergeProfiles: /^unisci( (i )?profili)?$/,
    createProfile: /^crea (il tuo |un )?profilo$/,
    askQuestion: /^(fai|poni) una domanda$/,
    labelAttributes,
  },
  // Korean: 개인 계정, 회사 또는 학교 계정. Whole account names: 개인 정보 is "personal
  // information".
  ko: {
    accountManagement: /^(계정 관리|연결된 계정)$/,
    personal: RegExp(`개인 ?(계정|microsoft)|^개인$|microsoft ?계정${nothingMore}|\\bmsa\\b`),
    work: /(회사|직장) ?(또는|나|이나) ?학교|(회사|학교|직장|조직) ?계정|^(회사|학교|조직)$|\bentra\b|\baad\b/,
    certificationSection: /인증/,
    manageCertification: /^인증 프로필(과 시험 할인)? 관리/,
    connectCertification: /^인증 프로필 연결$/,
    signIn: /^로그인$/,
    signOut: /^(로그아웃|로그오프)$/,
    settings: /^설정$/,
    addAccount: /^계정 추가$/,
    // 제거 ("Remove"); not 삭제 ("Delete": 프로필 삭제).
    remove: /^(계정 )?(제거|연결 해제)(…|\.\.\.)?$/,
    mergeProfiles: /^(프로필 )?(병합|통합)$/,
    createProfile: /^프로필 만들기$/,
    askQuestion: /^질문하기$/,
    labelAttributes,
  },
  // Dutch: "Persoonlijk account", "Werk- of schoolaccount".
  nl: {
    accountManagement: /^(accountbeheer|accounts beheren|gekoppelde accounts)$/,
    personal: kindWords(`persoonlijke?|${msaName('microsoft[- ]account')}|msa`),
    work: kindWords('werk|school|schoolaccount|werkaccount|zakelijke?|organisatie(account)?|entra|aad'),
    certificationSection: /certificering/,
    manageCertification: /^((het |je |uw )?certificeringsprofiel( en examenkortingen)? beheren|beheer (je |uw )?certificeringsprofiel)/,
    connectCertification: /^((een |je |uw )?certificeringsprofiel (verbinden|koppelen)|verbind (een |je |uw )?certificeringsprofiel)$/,
    signIn: /^aanmelden$/,
    signOut: /^afmelden$/,
    settings: /^instellingen$/,
    addAccount: /^(een )?account toevoegen$/,
    // "Verwijderen", "Account verwijderen"; not "Profiel verwijderen" nor "Foto verwijderen".
    remove: /^((dit |het )?account |\S+\x40\S+ )?(verwijderen|ontkoppelen)(…|\.\.\.)?$/,
    mergeProfiles: /^(profielen )?samenvoegen$/,
    createProfile: /^(je |een )?profiel (maken|aanmaken)$/,
    askQuestion: /^(een )?vraag stellen$/,
    labelAttributes,
  },
  // Polish: "Konto osobiste", "Konto służbowe lub szkolne".
  pl: {
    accountManagement: /^(zarządzanie kontem|zarządzanie kontami|połączone konta)$/,
    personal: kindWords(`osobist[eya]|osobistego|${msaName('konto microsoft')}|msa`),
    work: kindWords('służbow[eya]|służbowego|służbowym|szkoln[eya]|szkolnego|firmowe|organizacji|organizacyjne|entra|aad'),
    certificationSection: /certyfikac/,
    manageCertification: /^zarządzaj profilem certyfikac/,
    connectCertification: /^połącz profil certyfikac(ji|yjny)$/,
    signIn: /^zaloguj( się)?$/,
    signOut: /^wyloguj( się)?$/,
    settings: /^ustawienia$/,
    addAccount: /^dodaj konto$/,
    // "Usuń", "Usuń konto"; not "Usuń profil" nor "Usuń zdjęcie".
    remove: /^(usuń|odłącz)( (to )?konto)?( \S+\x40\S+)?( z profilu)?(…|\.\.\.)?$/,
    mergeProfiles: /^scal( profile)?$/,
    createProfile: /^utwórz profil$/,
    askQuestion: /^zadaj pytanie$/,
    labelAttributes,
  },
  // Russian: "Личная учетная запись", "Рабочая или учебная учетная запись"; ё and е both.
  ru: {
    accountManagement: /^(управление уч[её]тными записями|управление уч[её]тной записью|связанные уч[её]тные записи)$/,
    personal: kindWords(`личн(ая|ый|ой|ую)|${msaName('уч[её]тная запись (microsoft|майкрософт)')}|msa`),
    work: kindWords('рабоч(ая|ий|ей|ую)|учебн(ая|ый|ой|ую)|уч[её]тная запись организации|организационн(ая|ый)|entra|aad'),
    certificationSection: /сертификац/,
    manageCertification: /^(управление профилем сертификации|управлять профилем сертификации)/,
    connectCertification: /^подключить профиль сертификации$/,
    signIn: /^войти$/,
    signOut: /^выйти$/,
    settings: /^(параметры|настройки)$/,
    addAccount: /^добавить (уч[её]тную запись|аккаунт)$/,
    // "Удалить", "Удалить учетную запись"; not "Удалить профиль" nor "Удалить фото", nor
    // "Отключить" (also: turn off).
    remove: /^(удалить|отвязать)( (эту )?уч[её]тную запись)?(…|\.\.\.)?$/,
    mergeProfiles: /^объединить( профили)?$/,
    createProfile: /^создать профиль$/,
    askQuestion: /^задать вопрос$/,
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
