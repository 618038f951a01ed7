import { describe, expect, it } from 'vitest';
import { says } from '../../src/page/learn-data.ts';
import type { LearnWords } from '../../src/page/learn-markup.ts';
import { learnWords } from '../../src/page/learn-words.ts';
import { locateAddAccount, locateRemove, locateSettingsLink, locateSignOut } from '../../src/page/locate.ts';
import { normalize } from '../../src/page/named.ts';
import { readAccountList, readCertificationConnected } from '../../src/page/read-page.ts';

/**
 * The languages the extension speaks besides English and French (de, es, pt, ja, zh), and five
 * more of Learn's it reads without speaking them (it, ko, nl, pl, ru): a
 * Settings page in each, with none of Learn's stable attributes, is read by its words alone.
 * The labels below are Microsoft's terms in each language (learn-words.ts says where they come
 * from); what matters as much is what they must not match: another kind's label, "Delete
 * profile", a dialog's title.
 */

interface Language {
  locale: string;
  labels: { [key in keyof LearnWords]?: string[] };
  /** Per key, labels that are not that control (or kind). */
  not: { [key in keyof LearnWords]?: string[] };
}

const languages: Language[] = [
  {
    locale: 'de-de',
    labels: {
      accountManagement: ['Kontoverwaltung', 'Verknüpfte Konten'],
      // 'microsoft konto': an attribute's value, its '-' read as a space.
      personal: ['Persönliches Konto', 'Microsoft-Konto', 'microsoft konto', 'Persönlich', 'Persönliches Microsoft-Konto (MSA)'],
      work: ['Geschäfts-, Schul- oder Unikonto', 'Geschäftskonto', 'Geschäftlich oder Schule', 'Microsoft-Organisationskonto (Microsoft Entra ID)', 'Schulkonto', 'Firmenkonto'],
      certificationSection: ['Verbundenes Zertifizierungsprofil'],
      manageCertification: ['Zertifizierungsprofil und Prüfungsrabatte verwalten', 'Zertifizierungsprofil verwalten'],
      connectCertification: ['Zertifizierungsprofil verbinden', 'Ein Zertifizierungsprofil verbinden'],
      signIn: ['Anmelden'],
      signOut: ['Abmelden'],
      settings: ['Einstellungen'],
      addAccount: ['Konto hinzufügen', 'Anmeldekonto hinzufügen'],
      remove: ['Entfernen', 'Konto entfernen', 'learner@outlook.com entfernen', 'Entfernen…', 'Verknüpfung aufheben', 'Aus dem Profil entfernen'],
      mergeProfiles: ['Profile zusammenführen', 'Zusammenführen'],
      createProfile: ['Profil erstellen'],
      askQuestion: ['Frage stellen', 'Eine Frage stellen'],
    },
    not: {
      personal: ['Geschäfts-, Schul- oder Unikonto', 'Angemeldet', 'Microsoft-Konto 365', 'Microsoft-Konto® 365', 'msa365'],
      // \b would find "schul" and "geschäfts" before an umlaut.
      work: ['Persönliches Konto', 'Microsoft-Konto', 'Angemeldet', 'Schulübergreifend', 'Geschäftsübersicht', 'Organisationseinheit'],
      remove: ['Profil löschen', 'Konto entfernen?', 'Profilbild entfernen', 'Entfernen Sie zuerst learner@outlook.com.', 'Trennen'],
      settings: ['Profileinstellungen', 'E-Mail-Einstellungen'],
      addAccount: ['Konto'],
    },
  },
  {
    locale: 'es-es',
    labels: {
      accountManagement: ['Administración de cuentas', 'Cuentas vinculadas'],
      personal: ['Cuenta personal', 'Cuenta de Microsoft', 'Personal', 'Cuenta de Microsoft (MSA)'],
      work: ['Cuenta profesional o educativa', 'Cuenta de la organización', 'Profesional o educativa', 'Cuenta de trabajo o escuela', 'Cuenta de la organizacion'],
      certificationSection: ['Perfil de certificación conectado'],
      manageCertification: ['Administrar perfil de certificación y descuentos de examen'],
      connectCertification: ['Conectar un perfil de certificación'],
      signIn: ['Iniciar sesión'],
      signOut: ['Cerrar sesión'],
      settings: ['Configuración'],
      addAccount: ['Agregar cuenta', 'Añadir una cuenta'],
      remove: ['Quitar', 'Eliminar', 'Eliminar cuenta', 'Quitar learner@outlook.com'],
      mergeProfiles: ['Combinar perfiles'],
      createProfile: ['Crear perfil', 'Crear tu perfil'],
      askQuestion: ['Hacer una pregunta'],
    },
    not: {
      personal: ['Cuenta profesional o educativa', 'Cuenta de Microsoft 365', 'Cuenta de Microsoft Learn', 'Cuenta de Microsoft® 365', 'Cuenta de Microsoft – 365'],
      work: ['Cuenta personal', 'Cuenta de Microsoft'],
      remove: ['Eliminar perfil', '¿Quitar cuenta?', 'Quitar foto', 'Desconectar'],
    },
  },
  {
    locale: 'pt-br',
    labels: {
      accountManagement: ['Gerenciamento de contas', 'Contas vinculadas', 'Gestão de contas'],
      personal: ['Conta pessoal', 'Conta Microsoft', 'Pessoal'],
      work: ['Conta corporativa ou de estudante', 'Conta escolar ou profissional', 'Conta de trabalho'],
      certificationSection: ['Perfil de certificação conectado'],
      manageCertification: ['Gerenciar perfil de certificação e descontos de exame'],
      connectCertification: ['Conectar um perfil de certificação', 'Ligar um perfil de certificação'],
      signIn: ['Entrar', 'Iniciar sessão'],
      signOut: ['Sair', 'Terminar sessão'],
      settings: ['Configurações', 'Definições'],
      addAccount: ['Adicionar conta', 'Adicionar uma conta'],
      remove: ['Remover', 'Remover conta', 'Remover learner@outlook.com'],
      mergeProfiles: ['Mesclar perfis'],
      createProfile: ['Criar perfil'],
      askQuestion: ['Fazer uma pergunta'],
    },
    not: {
      personal: ['Conta corporativa ou de estudante', 'Conta Microsoft 365'],
      work: ['Conta pessoal', 'Conta Microsoft'],
      remove: ['Excluir perfil', 'Remover conta?', 'Remover foto', 'Desconectar'],
    },
  },
  {
    locale: 'ja-jp',
    labels: {
      accountManagement: ['アカウント管理'],
      personal: ['個人用アカウント', '個人用 Microsoft アカウント', 'Microsoft アカウント', 'Microsoftアカウント'],
      work: ['職場または学校アカウント', '職場または学校のアカウント', '組織アカウント'],
      certificationSection: ['接続済みの認定プロファイル'],
      manageCertification: ['認定プロファイルと試験の割引を管理', '認定プロファイルの管理'],
      connectCertification: ['認定プロファイルを接続'],
      signIn: ['サインイン'],
      signOut: ['サインアウト'],
      settings: ['設定'],
      addAccount: ['アカウントの追加', 'アカウントを追加'],
      remove: ['削除', 'アカウントを削除'],
      mergeProfiles: ['プロファイルを統合', '統合'],
      createProfile: ['プロファイルを作成'],
      askQuestion: ['質問する'],
    },
    not: {
      // 個人用設定 is "Personalization", 個人情報 "personal information".
      personal: ['職場または学校アカウント', '個人用設定', '個人情報', 'Microsoft アカウント 365'],
      work: ['個人用アカウント', 'Microsoft アカウント', '組織の設定'],
      remove: ['プロファイルの削除', 'アカウントを削除しますか?', '写真を削除'],
      settings: ['設定を保存'],
    },
  },
  {
    locale: 'zh-cn',
    labels: {
      accountManagement: ['帐户管理', '账户管理'],
      personal: ['个人帐户', 'Microsoft 帐户', 'Microsoft帐户', '个人'],
      work: ['工作或学校帐户', '组织帐户'],
      certificationSection: ['已连接的认证配置文件'],
      manageCertification: ['管理认证配置文件和考试折扣'],
      connectCertification: ['连接认证配置文件'],
      signIn: ['登录'],
      signOut: ['注销', '退出登录'],
      settings: ['设置'],
      addAccount: ['添加帐户', '添加账户'],
      remove: ['删除', '移除', '删除帐户'],
      mergeProfiles: ['合并配置文件'],
      createProfile: ['创建配置文件'],
      askQuestion: ['提问'],
    },
    not: {
      // 个人资料 is "profile", 工作区 "workspace".
      personal: ['工作或学校帐户', '个人资料', '从个人资料中删除', '个人信息'],
      work: ['个人帐户', 'Microsoft 帐户', '工作区', '学校课程'],
      remove: ['删除配置文件', '删除帐户?', '删除照片'],
    },
  },
  {
    locale: 'zh-tw',
    labels: {
      accountManagement: ['帳戶管理'],
      personal: ['個人帳戶', '個人 Microsoft 帳戶 (MSA)', 'Microsoft 帳號'],
      work: ['公司或學校帳戶'],
      // Quoted by Learn's zh-TW help (certifications/manage-certification-profile).
      certificationSection: ['已連線的認證設定檔'],
      manageCertification: ['管理認證設定檔和測驗折扣'],
      connectCertification: ['連線認證設定檔'],
      signIn: ['登入'],
      signOut: ['登出'],
      settings: ['設定'],
      addAccount: ['新增帳戶'],
      remove: ['移除', '移除帳戶'],
      mergeProfiles: ['合併設定檔'],
      createProfile: ['建立設定檔'],
      askQuestion: ['提問'],
    },
    not: {
      personal: ['公司或學校帳戶', '個人檔案', '個人化', '個人資料'],
      work: ['個人帳戶', '公司簡介'],
      remove: ['刪除設定檔'],
      // 設定檔 is "profile": not Settings.
      settings: ['設定檔', '編輯設定檔'],
    },
  },
  {
    locale: 'it-it',
    labels: {
      accountManagement: ['Gestione account', 'Account collegati'],
      personal: ['Account personale', 'Account Microsoft', 'Personale'],
      work: ["Account aziendale o dell'istituto di istruzione", 'Account aziendale', 'Account di lavoro'],
      certificationSection: ['Profilo di certificazione connesso'],
      manageCertification: ['Gestisci il profilo di certificazione e gli sconti sugli esami'],
      connectCertification: ['Connetti un profilo di certificazione'],
      signIn: ['Accedi'],
      signOut: ['Esci'],
      settings: ['Impostazioni'],
      addAccount: ['Aggiungi account', 'Aggiungi un account'],
      remove: ['Rimuovi', 'Rimuovi account', 'Scollega', 'Rimuovi l’account', "Rimuovi l'account"],
      mergeProfiles: ['Unisci profili'],
      createProfile: ['Crea profilo', 'Crea il tuo profilo'],
      askQuestion: ['Fai una domanda'],
    },
    not: {
      personal: ["Account aziendale o dell'istituto di istruzione", 'Account Microsoft 365'],
      work: ['Account personale', 'Account Microsoft'],
      remove: ['Elimina profilo', 'Rimuovi foto', 'Rimuovere account?'],
    },
  },
  {
    locale: 'ko-kr',
    labels: {
      accountManagement: ['계정 관리'],
      personal: ['개인 계정', '개인 Microsoft 계정', 'Microsoft 계정'],
      work: ['회사 또는 학교 계정', '회사나 학교 계정'],
      certificationSection: ['연결된 인증 프로필'],
      manageCertification: ['인증 프로필 관리'],
      connectCertification: ['인증 프로필 연결'],
      signIn: ['로그인'],
      signOut: ['로그아웃'],
      settings: ['설정'],
      addAccount: ['계정 추가'],
      remove: ['제거', '계정 제거'],
      mergeProfiles: ['프로필 병합'],
      createProfile: ['프로필 만들기'],
      askQuestion: ['질문하기'],
    },
    not: {
      // 개인 정보 is "personal information".
      personal: ['회사 또는 학교 계정', '개인 정보', '개인 설정'],
      work: ['개인 계정', 'Microsoft 계정', '회사 소개'],
      remove: ['프로필 삭제', '사진 제거', '계정을 제거하시겠습니까?'],
    },
  },
  {
    locale: 'nl-nl',
    labels: {
      accountManagement: ['Accountbeheer', 'Gekoppelde accounts'],
      personal: ['Persoonlijk account', 'Microsoft-account', 'microsoft account', 'Persoonlijk'],
      work: ['Werk- of schoolaccount', 'Werkaccount', 'Organisatieaccount', 'Zakelijk account'],
      certificationSection: ['Verbonden certificeringsprofiel'],
      manageCertification: ['Certificeringsprofiel en examenkortingen beheren'],
      connectCertification: ['Certificeringsprofiel verbinden'],
      signIn: ['Aanmelden'],
      signOut: ['Afmelden'],
      settings: ['Instellingen'],
      addAccount: ['Account toevoegen'],
      remove: ['Verwijderen', 'Account verwijderen', 'Ontkoppelen'],
      mergeProfiles: ['Profielen samenvoegen'],
      createProfile: ['Profiel maken'],
      askQuestion: ['Vraag stellen'],
    },
    not: {
      personal: ['Werk- of schoolaccount', 'Microsoft-account 365'],
      work: ['Persoonlijk account', 'Microsoft-account'],
      remove: ['Profiel verwijderen', 'Foto verwijderen', 'Account verwijderen?'],
    },
  },
  {
    locale: 'pl-pl',
    labels: {
      accountManagement: ['Zarządzanie kontem', 'Połączone konta'],
      personal: ['Konto osobiste', 'Konto Microsoft'],
      work: ['Konto służbowe lub szkolne', 'Konto służbowe', 'Konto firmowe'],
      certificationSection: ['Połączony profil certyfikacji'],
      manageCertification: ['Zarządzaj profilem certyfikacji i rabatami na egzaminy'],
      connectCertification: ['Połącz profil certyfikacji'],
      signIn: ['Zaloguj się'],
      signOut: ['Wyloguj się'],
      settings: ['Ustawienia'],
      addAccount: ['Dodaj konto'],
      remove: ['Usuń', 'Usuń konto', 'Odłącz'],
      mergeProfiles: ['Scal profile'],
      createProfile: ['Utwórz profil'],
      askQuestion: ['Zadaj pytanie'],
    },
    not: {
      personal: ['Konto służbowe lub szkolne', 'Konto Microsoft 365'],
      work: ['Konto osobiste', 'Konto Microsoft'],
      remove: ['Usuń profil', 'Usuń zdjęcie', 'Usunąć konto?'],
    },
  },
  {
    locale: 'ru-ru',
    labels: {
      accountManagement: ['Управление учетными записями'],
      personal: ['Личная учетная запись', 'Учетная запись Microsoft', 'Учетная запись Майкрософт', 'Личный'],
      work: ['Рабочая или учебная учетная запись', 'Учетная запись организации'],
      certificationSection: ['Подключенный профиль сертификации'],
      manageCertification: ['Управление профилем сертификации и скидками на экзамены'],
      connectCertification: ['Подключить профиль сертификации'],
      signIn: ['Войти'],
      signOut: ['Выйти'],
      settings: ['Параметры', 'Настройки'],
      addAccount: ['Добавить учетную запись'],
      remove: ['Удалить', 'Удалить учетную запись'],
      mergeProfiles: ['Объединить профили'],
      createProfile: ['Создать профиль'],
      askQuestion: ['Задать вопрос'],
    },
    not: {
      // Stems inside other words: \b does not see Cyrillic letters.
      personal: ['Рабочая или учебная учетная запись', 'Публичный профиль', 'Подтверждение личности', 'Учетная запись Microsoft 365'],
      work: ['Личная учетная запись', 'Учетная запись Microsoft', 'Учебные материалы', 'Разработчик'],
      remove: ['Удалить профиль', 'Удалить фото', 'Удалить учетную запись?', 'Отключить'],
    },
  },
];

/** A Settings page in `language`, with no attribute of Learn's: only words and structure. */
function settingsPage({ locale, labels, not }: Language): Document {
  const first = (key: keyof LearnWords) => labels[key]?.[0] ?? '';
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="${locale}"><body>` +
      `<header><span>ana@contoso.com</span><a href="/${locale}/users/me/settings/">${first('settings')}</a><a href="#">${first('signOut')}</a></header>` +
      `<main><section><h2>${first('accountManagement')}</h2><ul>` +
      `<li><span>learner@outlook.com</span><span>${first('personal')}</span><button>${first('remove')}</button></li>` +
      `<li><span>ana@contoso.com</span><span>${first('work')}</span><button>${first('remove')}</button></li>` +
      `</ul><button>${first('addAccount')}</button></section>` +
      `<section><h2>${first('certificationSection')}</h2><a href="#">${first('connectCertification')}</a></section>` +
      `<section><h2>x</h2><button>${not.remove?.[0] ?? ''}</button></section></main></body></html>`,
    'text/html',
  );
}

describe.each(languages)('Learn in $locale', (language) => {
  it('knows its labels, and none of the look-alikes', () => {
    expect(Object.hasOwn(learnWords, language.locale.slice(0, 2))).toBe(true);
    for (const [key, texts] of Object.entries(language.labels)) {
      for (const text of texts) expect(says(language.locale, key as keyof LearnWords, normalize(text)), `${key}: ${text}`).toBe(true);
    }
    for (const [key, texts] of Object.entries(language.not)) {
      for (const text of texts) expect(says(language.locale, key as keyof LearnWords, normalize(text)), `not ${key}: ${text}`).toBe(false);
    }
  });

  it('never takes one kind for the other: no label of a kind says the other', () => {
    for (const text of language.labels.personal ?? []) expect(says(language.locale, 'work', normalize(text)), text).toBe(false);
    for (const text of language.labels.work ?? []) expect(says(language.locale, 'personal', normalize(text)), text).toBe(false);
  });

  it('reads a Settings page without attributes by its words: kinds, Remove, Add account, the header', () => {
    const doc = settingsPage(language);
    expect(readAccountList(doc, language.locale)).toEqual([
      { address: 'learner@outlook.com', kind: 'personal' },
      { address: 'ana@contoso.com', kind: 'work' },
    ]);
    const remove = locateRemove(doc, language.locale, 'learner@outlook.com');
    expect(remove?.closest('li')?.textContent).toContain('learner@outlook.com');
    expect(locateAddAccount(doc, language.locale)?.textContent).toBe(language.labels.addAccount?.[0]);
    expect(locateSignOut(doc, language.locale)?.textContent).toBe(language.labels.signOut?.[0]);
    expect(locateSettingsLink(doc, language.locale)?.textContent).toBe(language.labels.settings?.[0]);
    expect(readCertificationConnected(doc, language.locale, 'settings')).toBe(false);
  });
});

describe('Learn in fr-fr', () => {
  it('takes "Compte Microsoft" for the personal account, not "Compte Microsoft 365"', () => {
    expect(says('fr-fr', 'personal', 'compte microsoft')).toBe(true);
    expect(says('fr-fr', 'personal', 'compte microsoft (msa)')).toBe(true);
    for (const text of ['compte microsoft 365', 'compte microsoft-365', 'compte microsoft éducation']) expect(says('fr-fr', 'personal', text), text).toBe(false);
  });
});
