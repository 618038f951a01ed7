import { learner, stranger, unlinked } from './drift-sources.ts';
import type { Mutation } from './drift-truth.ts';
import { say } from './drift-wording.ts';

/** Another "Remove" somewhere a person could see it, that removes no account of the list. */
export const decoys: Mutation = {
  name: 'decoy',
  benign: false,
  weight: 3,
  apply(v) {
    const doc = v.doc;
    const words = say('Remove', v.language);
    const button = (name: string, text = words) => {
      const element = doc.createElement('button');
      element.type = 'button';
      if (name) element.setAttribute('data-bi-name', name);
      element.textContent = text;
      v.decoys.push(element);
      return element;
    };
    const main = doc.querySelector('main') ?? doc.body;
    const section = v.now(v.marks.section);
    const list = v.now(v.marks.list);
    const place = v.rng.pick([
      'delete-profile',
      'header',
      'dialog',
      'closed-dialog',
      'announcement',
      'addressless-row',
      'second-in-row',
      'add-account-elsewhere',
      'certification',
      'hidden-manage',
      'footer',
      'lookalike-attributes',
      'references',
      'faded-dialog',
      'side-menu',
      'longer-address',
      'figure',
    ]);
    switch (place) {
      case 'delete-profile':
        (v.now(v.marks.deleteSection) ?? main).append(button(v.rng.pick(['remove-profile', 'delete-profile', ''])));
        break;
      case 'header': {
        const header = v.now(v.marks.header) ?? doc.body;
        header.append(button('remove-notification'), button('site-header-add-account', say('Add account', v.language)));
        break;
      }
      case 'dialog': {
        // An open dialog about something else (or about an address that is not linked).
        const dialog = doc.createElement('div');
        dialog.setAttribute('role', v.rng.pick(['dialog', 'alertdialog']));
        dialog.setAttribute('aria-modal', 'true');
        const p = doc.createElement('p');
        p.textContent = v.rng.chance(0.5) ? 'Remove this collection?' : `Remove ${unlinked}?`;
        dialog.append(p, button('confirm-remove-collection'));
        doc.body.append(dialog);
        v.decoyDialogs.push(dialog);
        break;
      }
      case 'closed-dialog': {
        // A closed <dialog> naming a linked account: nothing in it is on screen.
        const dialog = doc.createElement('dialog');
        if (v.rng.chance(0.5)) dialog.setAttribute('role', 'dialog');
        const p = doc.createElement('p');
        p.textContent = `Remove ${v.accounts[0]?.address ?? learner}?`;
        dialog.append(p, button('confirm-remove-account'));
        doc.body.append(dialog);
        v.hide(dialog, 'css');
        break;
      }
      case 'announcement': {
        if (!section) return null;
        const region = doc.createElement(v.rng.chance(0.5) ? 'div' : 'p');
        region.setAttribute(...v.rng.pick<[string, string]>([['role', 'status'], ['role', 'alert'], ['aria-live', 'polite']]));
        const text = doc.createElement('span');
        text.textContent = `${v.accounts[0]?.address ?? stranger} ${v.rng.pick(['was removed.', 'is already linked.'])}`;
        region.append(text, button(v.rng.pick(['remove-notice', ''])));
        if (v.rng.chance(0.5)) section.prepend(region);
        else section.append(region);
        break;
      }
      case 'addressless-row': {
        // A row of the list that names no account (a pending invitation), with its own Remove.
        if (!list || !list.isConnected) return null;
        const text = doc.createElement('span');
        text.textContent = v.rng.pick(['Pending invitation', 'Ana Muñoz', 'Account unavailable']);
        const control = button(v.rng.pick(['remove-account', 'remove-invitation', '']));
        // In the list's own shape: an item, a table row, a card, a dt and its dd.
        const like = v.accounts.map((a) => (a.rows[0] ? v.rowElement(a.rows[0]) : null)).find((e) => e?.parentElement === list);
        let items: Element[];
        if (list.localName === 'dl') {
          const [dt, dd] = [doc.createElement('dt'), doc.createElement('dd')];
          dt.append(text);
          dd.append(control);
          if (like?.localName === 'div') {
            const group = doc.createElement('div');
            group.append(dt, dd);
            items = [group];
          } else items = [dt, dd];
        } else if (list.localName === 'tbody' || list.localName === 'table') {
          const [tr, first, last] = [doc.createElement('tr'), doc.createElement('td'), doc.createElement('td')];
          first.append(text);
          last.append(control);
          tr.append(first, doc.createElement('td'), last);
          items = [tr];
        } else {
          const item = doc.createElement(list.localName === 'ul' || list.localName === 'ol' ? 'li' : like?.localName ?? 'div');
          item.className = like?.getAttribute('class') ?? 'account-row';
          item.append(text, control);
          items = [item];
        }
        if (v.rng.chance(0.5)) list.append(...items);
        else list.prepend(...items);
        break;
      }
      case 'second-in-row': {
        // Another control of a row whose name starts the same ("Remove photo"), before its Remove.
        const row = v.accounts[0]?.rows[0];
        if (!row || !v.rowParts(row).every((p) => p.isConnected)) return null;
        const photo = button(v.rng.pick(['remove-photo', '']), `${words} ${{ en: 'photo', fr: 'la photo', de: 'Foto', sv: 'foto' }[v.language]}`);
        const element = v.rowElement(row);
        const own = row.remove && v.now(row.remove);
        // A row of one element takes it first; a dt and its dds, just before its Remove.
        if (element) element.prepend(photo);
        else if (own?.isConnected) own.before(photo);
        else return null;
        break;
      }
      case 'add-account-elsewhere':
        // "Add account" for something else (a promotion at the top of the page).
        main.prepend(button('', say('Add account', v.language)));
        break;
      case 'certification': {
        const certification = doc.querySelector('#certification-profile, .certification-profile') ?? main;
        certification.append(button('remove-certification-profile', `${words} certification profile`));
        break;
      }
      case 'hidden-manage': {
        // The link Learn shows once a Certification profile is connected, kept hidden.
        const link = doc.createElement('a');
        link.href = '/en-us/users/me/credentials';
        link.hidden = true;
        link.textContent = { en: 'Manage certification profile and exam discounts', fr: 'Gérer le profil de certification', de: 'Zertifizierungsprofil verwalten', sv: 'Hantera certifieringsprofil' }[v.language];
        (doc.querySelector('#certification-profile, .certification-profile') ?? main).append(link);
        v.decoys.push(link);
        break;
      }
      case 'footer':
        (doc.querySelector('footer') ?? doc.body).append(button(''));
        break;
      case 'lookalike-attributes':
        // Attributes that begin like an action's and go on to name another object.
        (section ?? main).append(
          button('add-account-organization', { en: 'Add organization', fr: 'Ajouter une organisation', de: 'Organisation hinzufügen', sv: 'Lägg till organisation' }[v.language]),
          button('create-profile-picture', { en: 'Add a picture', fr: 'Ajouter une photo', de: 'Bild hinzufügen', sv: 'Lägg till en bild' }[v.language]),
        );
        break;
      case 'references': {
        // Links to a part of a document named like actions: an "In this article" entry, a help
        // link; and a link to a help page named like the action it explains.
        const [toc, help] = [doc.createElement('nav'), doc.createElement('p')];
        const link = (href: string, text: string) => {
          const a = doc.createElement('a');
          a.href = href;
          a.textContent = text;
          v.decoys.push(a);
          return a;
        };
        toc.setAttribute('aria-label', 'In this article');
        toc.append(
          link('#merge-profiles', { en: 'Merge profiles', fr: 'Fusionner les profils', de: 'Merge profiles', sv: 'Merge profiles' }[v.language]),
          link('#create-profile', { en: 'Create a profile', fr: 'Créer un profil', de: 'Create profile', sv: 'Create profile' }[v.language]),
        );
        help.append(link('/en-us/training/support/profile-faq#connect', { en: 'Connect certification profile', fr: 'Connecter le profil de certification', de: 'Connect certification profile', sv: 'Connect certification profile' }[v.language]));
        help.append(' ', link(`/${v.locale}/training/support/add-account`, say('Add account', v.language)));
        main.prepend(toc);
        (section ?? main).append(help);
        break;
      }
      case 'faded-dialog': {
        // A confirmation about a linked account, kept on the page after it faded out: the
        // pointer passes through it, and no one sees it.
        const [fade, dialog, p] = [doc.createElement('div'), doc.createElement('div'), doc.createElement('p')];
        fade.style.cssText = 'opacity: 0; pointer-events: none';
        dialog.setAttribute('role', 'dialog');
        dialog.setAttribute('aria-modal', 'true');
        p.textContent = `Remove ${v.accounts[0]?.address ?? learner}?`;
        dialog.append(p, button('confirm-remove-account'));
        fade.append(dialog);
        doc.body.append(fade);
        v.fadedDialogs.push(dialog);
        v.hide(fade, 'css');
        break;
      }
      case 'side-menu': {
        // Navigation beside the page titled as the account section is, saying who is signed in.
        const [side, heading, p] = [doc.createElement(v.rng.pick(['nav', 'aside'])), doc.createElement('h2'), doc.createElement('p')];
        heading.textContent = section?.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')?.textContent ?? 'Account management';
        p.textContent = `${{ en: 'Signed in as', fr: 'Connecté en tant que', de: 'Angemeldet als', sv: 'Inloggad som' }[v.language]} ${v.signedInAs ?? stranger}`;
        side.append(heading, p);
        doc.body.prepend(side);
        break;
      }
      case 'figure': {
        // A docs figure before the section showing what it looks like: a copy of it, the
        // person's own rows and their Removes in it.
        if (!section) break;
        const figure = doc.createElement(v.rng.pick(['figure', 'div']));
        if (figure.localName == 'div') figure.setAttribute('role', 'figure');
        const copy = section.cloneNode(true) as Element;
        for (const element of [copy, ...copy.querySelectorAll('[id]')]) element.removeAttribute('id');
        v.decoys.push(...copy.querySelectorAll('button, a, [role="button"], input'));
        figure.append(copy);
        section.before(figure);
        break;
      }
      case 'longer-address': {
        // Another account's icon button named for an address that begins with a linked one's.
        const icon = button('', '✕');
        icon.setAttribute('aria-label', `${words} ${v.accounts[0]?.address ?? learner}.au`);
        (list ?? section ?? main).append(icon);
        break;
      }
    }
    return place;
  },
};

/**
 * A linked account's address again in its section, apart from its row, with a Remove of its
 * own (a list of notification addresses): neither is surely the account's. Last (stage 10):
 * only while the account's own row is drawn in the page's tree, where the reader sees both
 * (with its row gone, the address shown once is, for all a reader can tell, the account's).
 */
export const addressApart: Mutation = {
  name: 'address-apart',
  benign: false,
  weight: 1,
  stage: 10,
  apply(v) {
    const doc = v.doc;
    const section = v.now(v.marks.section);
    const drawn = (row: { holder: Element }) => {
      const holder = v.now(row.holder);
      return holder.isConnected && holder.getRootNode() === doc && v.seen(holder) === 'drawn';
    };
    const account = v.accounts.find((a) => a.rows.some(drawn));
    if (!section?.isConnected || !account) return null;
    const [label, list, item, text, remove] = [doc.createElement('p'), doc.createElement('ul'), doc.createElement('li'), doc.createElement('span'), doc.createElement('button')];
    label.textContent = { en: 'Notification e-mail addresses', fr: 'Adresses de notification', de: 'Benachrichtigungsadressen', sv: 'E-postadresser för aviseringar' }[v.language];
    text.textContent = account.address;
    remove.textContent = say('Remove', v.language);
    if (v.rng.chance(0.5)) remove.setAttribute('data-bi-name', 'remove-notification-address');
    v.decoys.push(remove);
    item.append(text, ' ', remove);
    list.append(item);
    const first = v.rng.chance(0.5);
    if (first) section.prepend(label, list);
    else section.append(label, list);
    return first ? 'before the list' : 'after the list';
  },
};
