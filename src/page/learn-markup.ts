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
  displayName: '[data-profile-property="displayName"]',
  /**
   * Everything inside these belongs to the header, never to the page's account list. (A
   * `header` inside an article, a section or main is the header of that part, a card's say,
   * as HTML has it: not the site's.)
   */
  regions: 'header:not(:is(article, aside, main, nav, section) header), [data-bi-name="site-header-user"], #site-header, .header-holder',
} as const;

/**
 * Controls that cannot be used: a form control disabled, or any element a script says is
 * (a custom element's `disabled` attribute, which `:disabled` does not see).
 */
const disabled = ':disabled, [disabled], [aria-disabled="true"]';
/** The page's main content. */
const mainRegions = 'main, [role="main"]';

/**
 * Beside an action's attribute, the words of a control that does something else with it
 * (its dialog's Cancel or close button, a help link beside it, the choice not to:
 * `add-account-cancel`, `connect-certification-help`, `do-not-merge`, `keep-separate`):
 * matched loosely, an action's attribute would take them in.
 */
const notAction =
  ':not([data-bi-name*="cancel" i], [data-bi-name*="close" i], [data-bi-name*="dismiss" i], [data-bi-name*="help" i], [data-bi-name*="not-" i], [data-bi-name*="keep" i], [data-bi-name*="skip" i])';
/**
 * A link that carries another page's address in its query (`share?return=/users/me/credentials`)
 * does not go there; a disabled one goes nowhere.
 */
const notCarried = `:not([href*="=/"], [href*="=http" i], [href*="%2f" i], ${disabled})`;

/**
 * Stable attributes of the controls the guide points at, tried before names and structure
 * (data: the content script takes them from storage, see learn-data.ts).
 * `site-header-*` are confirmed on Learn (2024-2026); the Settings ones are the replica's
 * guesses in Learn's naming style, matched loosely so a variant spelling still counts.
 */
export const controlAttributes = {
  /** The header's Sign in and Sign out: Learn's own classes and attributes (2024-2026). */
  signIn: 'a.docs-sign-in, [data-bi-name="site-header-sign-in"]',
  signOut: 'a.docs-sign-out, [data-bi-name="site-header-sign-out"]',
  /**
   * Ways a section can name itself "Account management" without visible text (any variant):
   * names that end so (`settings-account-management`), not those of a part about something
   * else (`account-management-email`).
   */
  accountSection: '[data-bi-name$="account-management" i], [id$="account-management" i], [data-section$="account" i], [data-section$="accounts" i]',
  settingsLink: '[data-bi-name="site-header-user-settings"]',
  /** Links by where they go (profile URLs are stable across Learn's redesigns). */
  settingsHref: 'a[href*="/users/me/settings"]',
  /** `/users/me/credentials` and `/users/me/achievements/credentials` (both the credentials page: learn-url.ts). */
  credentialsHref: `a[href*="/users/me/credentials" i]${notCarried}, a[href*="/users/me/achievements/credentials" i]${notCarried}`,
  profileLink: '[data-bi-name="site-header-user-profile"]',
  /**
   * Names that end with the action (`settings-add-account`): one that goes on names another
   * object (`add-account-organization`, `create-profile-picture`).
   */
  addAccount: `[data-bi-name$="add-account" i]${notAction}, [data-bi-name$="add-login" i]${notAction}`,
  /**
   * Names that end with the action (`account-remove`), or where the action is followed by the
   * account (`remove-account`, `removeAccount`, `btn-remove-linked-account`): not those where
   * it is followed by another object (`remove-photo`, `remove-notification-address`).
   * (Written out, not built by a call: the content script's bundle drops this table only
   * while every value is a constant.)
   */
  remove:
    `[data-bi-name$="remove" i]${notAction}, [data-bi-name*="remove-account" i]${notAction}, [data-bi-name*="removeaccount" i]${notAction}, ` +
    `[data-bi-name*="remove_account" i]${notAction}, [data-bi-name*="remove-linked" i]${notAction}, [data-bi-name*="remove-login" i]${notAction}`,
  confirm: `[data-bi-name*="confirm" i]${notAction}`,
  mergeProfiles: `[data-bi-name*="merge" i]${notAction}`,
  connectCertification: `[data-bi-name*="connect-cert" i]${notAction}`,
  createProfile: `[data-bi-name$="create-profile" i]${notAction}`,
  /** Microsoft Q&A's "Ask a question": a link to its question form (the replica's guess of its attribute beside it). */
  askQuestion: 'a[href*="/answers/questions/ask" i], [data-bi-name*="ask-question" i]',
} as const;

/**
 * The buttons of Fluent, Microsoft's design system, as web components: their button role is
 * the element's own, given by script, not an attribute (a Learn redesigned on it).
 */
const webComponentButtons = 'fluent-button,fluent-anchor-button';

/** Elements whose text is never page content. */
const notContent = 'script, style, noscript, template';

/**
 * The tags of the elements whose coming or going can change what the guide reads or points
 * at: controls, headings, sections and rows, dialogs (mutations.ts: an element with no
 * attribute and none of these tags is passed over without asking a selector). Written first
 * in the stored `relevant`, without spaces: the content script takes them from there.
 */
const relevantTagNames = `a,button,summary,details,dialog,input,section,li,tr,h1,h2,h3,h4,h5,h6,${webComponentButtons}`;

/**
 * A link to a part of a document (an "In this article" entry, a help page's section:
 * `#merge-profiles`, `faq#connect`) is a reference, never the action it names; a link to `#`
 * or `#!` alone, one that says it is a button, or one a script toggles something with
 * (`data-toggle`, Bootstrap's modal triggers), is a script's button. So is a link to Learn's
 * help pages (`/training/support/…`, `/credentials/support/…`): "Add account" in a section's
 * intro, leading to how adding an account works, adds none.
 */
const reference =
  'a[href*="#"]:not([href$="#"], [href$="#!"], [role="button"], [data-toggle], [data-bs-toggle]), a[href*="/support/" i]:not([role="button"])';

const headings = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
const dialogs = 'dialog, [role$="dialog"]';
const listItems = 'li, tr, [role="row"], [role="listitem"], dt, dd';

/**
 * The selectors the worker stores for the content script (learn-data.ts). Without them the
 * guide finds nothing (no header, no signed-in address: it docks), never something wrong.
 */
export const storedSelectors = {
  ...controlAttributes,
  header: header.regions,
  signedInAddress: header.signedInAddress,
  /** What titles a part of the page: a section's heading, a card's title (section.ts). */
  headings,
  /**
   * Where no account section is: the header, navigation and side content around the page (a
   * side menu titled "Account management" that says who is signed in lists no account), and
   * illustrations (a docs figure showing what the section looks like, rows and all).
   */
  notSections: `${header.regions}, nav, aside, figure, [role="navigation"], [role="complementary"], [role="figure"]`,
  /** Elements that make a section of their own (HTML's sectioning content, and its ARIA kin). */
  sectioning: 'section, article, fieldset, [role="region"]',
  /**
   * Where an address is not a linked account, nor a control the page's own state: the header,
   * navigation and side content (a "Need help?" aside whose link is named "Manage
   * certification profile" proves nothing), scripts and styles, dialogs (Learn's "Remove x?"),
   * and announcements ("x was removed", "x is already linked"). A live region that holds a
   * list (its items, or cards as articles) is no announcement: the list itself, made live so
   * that a row coming or going is announced. (Hidden parts, hiddenParts, are no rows to point
   * at, but what they list is still linked: read-page.ts.)
   */
  notAccounts: `${header.regions}, nav, aside, [role="navigation"], [role="complementary"], ${notContent}, dialog, [role$="dialog"], [aria-modal="true"], [role="status"], [role="alert"], [aria-live]:not([aria-live="off"], :has(${listItems}, article, [role="article"]))`,
  /** One item of a list, a table or a grid: an account's row is never larger (read-page.ts, accountRows). */
  listItems,
  /**
   * Parts of the page taken from view by their markup (locate.ts): hidden, or from assistive
   * technology (a copy kept for an animation).
   */
  hiddenParts: '[hidden], [aria-hidden="true"], template',
  /** Elements whose text and attributes are never page content (a row's kind is not read from them). */
  notContent,
  disabled,
  /**
   * Menus that hide their items while closed (locate.ts): ARIA menus, and popovers (the
   * `popover` attribute: drawn only while open, the top layer's), such as a header's account
   * menu redesigned as one.
   */
  menus: '[role="menu"], [popover]',
  /**
   * Beside a closed menu (a row's "More actions", a popover), a button that says it opens a menu
   * (locate.ts): not one whose popup is a dialog, a listbox, a tree or a grid (an "About this
   * account"), nor one with a `popovertarget` alone (it may open a dialog or a tooltip beside
   * the menu). One that expands something counts too: where the menu's own opener says only
   * that, and a "Notifications" beside it says it opens a menu, the two are a guess (locate.ts docks).
   */
  menuOpener: ':scope > [aria-haspopup="menu" i], :scope > [aria-haspopup="true" i], :scope > [aria-expanded]',
  /**
   * Learn's own dialogs (remove confirmation), native or ARIA (`dialog`, `alertdialog`): the
   * open ones are those drawn (a closed <dialog> is not), so opening one changes no answer.
   */
  dialogs,
  /** What a confirmation is asked in: a dialog, else the page's main content (a page of its own). */
  prompts: `${dialogs}, ${mainRegions}`,
  /** What the lasting reads read (read-once.ts): the headings, the marked sections, the dialogs, the signed-in address's places. */
  outline: `${headings}, ${controlAttributes.accountSection}, ${dialogs}, ${header.signedInAddress}`,
  /**
   * Where text rewritten in place can matter to the guide: the page's main content (the
   * account list, its buttons) and the header (the signed-in address). Text changing in place
   * elsewhere (a clock, a chat widget) is not watched; elements coming and going are, anywhere.
   * A page without a main element has its body watched.
   */
  textRegions: `${mainRegions}, ${header.regions}, body:not(:has(${mainRegions}))`,
  /**
   * Elements whose coming or going can change what the guide reads or points at: controls,
   * headings, sections and rows, dialogs, the header's profile fields (their tags, and the
   * attributes that make any element one). A mutation touching none of them (an article's
   * content growing, an ad, a counter) is not worth a look (mutations.ts).
   */
  relevant: `${relevantTagNames}, [role], [data-bi-name], [data-profile-property]`,
  /**
   * Not a selector: the attributes, comma-separated, whose change the page observer reads
   * besides Learn's auth attributes (content.ts). `open`: the account menu opening moves the
   * highlight from its opener to the link; `role`: an element made a dialog (or a heading);
   * `class` and `style`: a dialog shown or hidden by them (mutations.ts lets the others by).
   */
  watched: 'aria-label,hidden,open,disabled,aria-disabled,role,class,style',
  /** Controls whose own text (an input's: its value) names what they do, Fluent's web component buttons among them. */
  controls: `a[href], button, [role="button"], [role="link"], [role^="menuitem"], input[type="submit" i], input[type="button" i], ${webComponentButtons}`,
  /**
   * Fields that show an address as text: read-only ones (a server's form per account, the
   * address in a field beside its Remove). Not one a person types into (an address typed to
   * add is not linked), nor a hidden one (a form's value sent along, not shown).
   */
  shownFields: 'input[readonly]:not([type="hidden" i])',
  /** Actions found by name are not references (locate.ts). */
  reference,
  /** Nor is Connect certification profile a link to the credentials page of that name: the way there. */
  notConnect: `${reference}, ${controlAttributes.credentialsHref}`,
};

/** What Learn's labels say, per language: the table is learn-words.ts. */
export interface LearnWords {
  /** Heading of the Settings section that lists linked accounts. */
  accountManagement: RegExp;
  /** Heading of the Settings section about the connected Certification profile. */
  certificationSection: RegExp;
  /** Label of the icon or text that marks a personal Microsoft account. */
  personal: RegExp;
  /** Label of the icon or text that marks a work or school account. */
  work: RegExp;
  /** Link shown once a Certification profile is connected (Settings, credentials). */
  manageCertification: RegExp;
  /** Button or link that starts connecting a Certification profile. */
  connectCertification: RegExp;
  /** Accessible names of the controls the guide points at (one element's own name). */
  signIn: RegExp;
  signOut: RegExp;
  settings: RegExp;
  addAccount: RegExp;
  remove: RegExp;
  mergeProfiles: RegExp;
  createProfile: RegExp;
  /** Microsoft Q&A's "Ask a question". */
  askQuestion: RegExp;
  /**
   * Not Learn's words: the names of the attributes a row's kind is read from (read-page.ts,
   * kindOfRow), matched as the words are (a table's missing entry matches nothing).
   */
  labelAttributes: RegExp;
}

/**
 * An e-mail address inside one piece of text. Its first character is no quote (Entra allows
 * `'` inside user names: o'brien@contoso.com), and nothing of U+200B-U+206F: zero-width and
 * bidi marks (right-to-left pages mark or isolate addresses), typographic quotes and dashes.
 * Case-insensitive by its classes, not by a flag (learn-url.ts, profilePages).
 */
export const addressPattern = /[^\s@<>()"',;:\u200b-\u206f][^\s@<>()",;:]*@[^\s@<>()"',;:]+\.[a-zA-Z]{2,}/;
