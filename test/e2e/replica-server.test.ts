// The Learn replica's HTTP behaviour without a browser: routing, hosts, sessions, escaping,
// and that state() and load() copy.

import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARN_HOST, LOGIN_HOST, scenarios, startReplica, type Replica, type Scenario } from '../fixtures/replica/index.ts';

interface Reply {
  status: number;
  location: string | undefined;
  setCookie: string | undefined;
  body: string;
  subjectAltName: string | undefined;
}

let replica: Replica;

function fetchReplica(
  path: string,
  options: { host?: string; cookie?: string; method?: string; form?: Record<string, string> } = {},
): Promise<Reply> {
  const host = options.host ?? LEARN_HOST;
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: replica.port,
        servername: host,
        path,
        method: options.method ?? (body ? 'POST' : 'GET'),
        rejectUnauthorized: false, // self-signed, made at start
        headers: {
          host,
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        const subjectAltName = (res.socket as TLSSocket).getPeerCertificate().subjectaltname;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            setCookie: res.headers['set-cookie']?.[0],
            body: text,
            subjectAltName,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function cookieFrom(reply: Reply): string {
  return (reply.setCookie ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  replica = await startReplica({ scenario: 'has-aad', authDelayMs: 0, settingsDelayMs: 0 });
});
afterAll(async () => replica?.close());

describe('the Learn replica over HTTP', () => {
  it('serves both hosts with one certificate made for them', async () => {
    const learn = await fetchReplica('/en-us/');
    expect(learn.status).toBe(200);
    expect(learn.subjectAltName).toContain(`DNS:${LEARN_HOST}`);
    expect(learn.subjectAltName).toContain(`DNS:${LOGIN_HOST}`);
    expect(learn.subjectAltName).toContain('IP Address:127.0.0.1');
    const login = await fetchReplica('/en-us/', { host: LOGIN_HOST });
    expect(login.status).toBe(404); // Learn's pages are not on the login host
  });

  it('routes locales like Learn: / and locale-less paths redirect, unknown locales are not found', async () => {
    expect((await fetchReplica('/')).location).toBe('/en-us/');
    expect((await fetchReplica('/users/me/settings/')).location).toBe('/en-us/users/me/settings/');
    expect((await fetchReplica('/FR-FR/users/me/activity/')).location).toBe('/fr-fr/users/me/activity/');
    expect((await fetchReplica('/nl-nl/')).status).toBe(404);
    expect((await fetchReplica('/en-us/no-such-page/')).status).toBe(404);
    const french = await fetchReplica('/fr-fr/users/me/settings');
    expect(french.status).toBe(200);
    expect(french.body).toContain('<html lang="fr-fr" dir="ltr" data-authenticated="false" data-auth-status-determined="false">');
    expect(french.body).toContain('<meta name="locale" content="fr-fr">');
  });

  it('pads the article with ?elements=N ordinary elements', async () => {
    const reply = await fetchReplica('/en-us/training/modules/intro-to-learn-profiles/?elements=120');
    expect(reply.body).toContain('data-padding-elements="120"');
    expect(reply.body.match(/Additional paragraph \d+ of this module/g)).toHaveLength(120);
  });

  it('signs a cookie-less browser in as the scenario says, and keeps a sign-out until the next load()', async () => {
    replica.load('has-aad');
    const first = await fetchReplica('/_api/me');
    expect(JSON.parse(first.body)).toMatchObject({ signedIn: true, upn: 'learner@outlook.com', profileId: 'P1' });
    const cookie = cookieFrom(first);

    const signOut = await fetchReplica('/_replica/auth/signout?return=%2Ffr-fr%2F', { cookie });
    expect(signOut.location).toBe('/fr-fr/');
    const signedOut = cookieFrom(signOut);
    const me = await fetchReplica('/_api/me', { cookie: signedOut });
    expect(JSON.parse(me.body)).toMatchObject({ signedIn: false });
    expect(me.setCookie).toBeUndefined();

    replica.load('has-aad'); // a new epoch: the old cookie no longer counts
    const again = await fetchReplica('/_api/me', { cookie: signedOut });
    expect(JSON.parse(again.body)).toMatchObject({ signedIn: true, upn: 'learner@outlook.com' });
    expect(again.setCookie).toBeDefined();
  });

  it('gives signed-out visitors of /users/me/* a sign-in prompt, and accounts with no profile a way to create one', async () => {
    replica.load('fresh');
    const prompt = await fetchReplica('/en-us/users/me/credentials');
    expect(prompt.body).toContain('data-bi-name="sign-in-prompt"');
    replica.load({ ...structuredClone(scenarios['new-profile'] as Scenario), signedInAs: 'cert.ana@hotmail.com' });
    expect((await fetchReplica('/en-us/users/me/settings/')).location).toBe('/en-us/users/me/create-profile/');
  });

  it('checks what comes back from the login host', async () => {
    replica.load('has-aad');
    const picker = await fetchReplica(
      '/common/oauth2/v2.0/authorize?redirect_uri=https%3A%2F%2Fevil.example%2F&state=signin%3A%2Fen-us%2F',
      { host: LOGIN_HOST },
    );
    expect(picker.status).toBe(400);
    const offSite = await fetchReplica('/_replica/auth/callback?code=learner%40outlook.com&state=signin%3A%2F%2Fevil.example');
    expect(offSite.status).toBe(400);
    const signOut = await fetchReplica('/_replica/auth/signout?return=https%3A%2F%2Fevil.example%2F');
    expect(signOut.location).toBe('/en-us/');

    const chosen = await fetchReplica('/common/oauth2/v2.0/select', {
      host: LOGIN_HOST,
      form: { login_hint: 'ana@contoso.com', redirect_uri: `https://${LEARN_HOST}/_replica/auth/callback`, state: 'signin:/fr-fr/' },
    });
    expect(chosen.status).toBe(302);
    expect(chosen.location).toBe(`https://${LEARN_HOST}/_replica/auth/callback?code=ana%40contoso.com&state=signin%3A%2Ffr-fr%2F`);
  });

  it('still applies the limits when merging profiles', async () => {
    const work = (n: number) => ({ email: `w${n}@northwind.example`, kind: 'aad' as const, displayName: `W${n}` });
    const crowded: Scenario = {
      name: 'crowded',
      identities: [1, 2, 3, 4, 5, 6].map(work),
      profiles: [
        { id: 'P1', displayName: 'One', accounts: ['w1@northwind.example', 'w2@northwind.example', 'w3@northwind.example', 'w4@northwind.example'] },
        { id: 'P2', displayName: 'Two', accounts: ['w5@northwind.example', 'w6@northwind.example'] },
      ],
      certificationMsa: 'nobody@outlook.com',
      signedInAs: 'w1@northwind.example',
    };
    replica.load(crowded);
    const cookie = cookieFrom(await fetchReplica('/_api/me'));
    const linked = await fetchReplica('/_replica/auth/callback?code=w5%40northwind.example&state=link%3A%2Fen-us%2Fusers%2Fme%2Fsettings%2F', { cookie });
    expect(linked.location).toMatch(/^\/en-us\/users\/me\/merge-profiles\/\?token=/);
    const token = new URL(linked.location ?? '', 'https://x').searchParams.get('token') ?? '';
    const merged = await fetchReplica('/en-us/users/me/merge-profiles/', { cookie, form: { token } });
    expect(merged.status).toBe(303);
    expect(merged.location).toBe('/en-us/users/me/settings/?outcome=merge-limits&account=w5%40northwind.example');
    expect(replica.state().profiles.map((p) => p.accounts.length)).toEqual([4, 2]);
    const page = await fetchReplica(merged.location ?? '', { cookie });
    expect(page.body).toContain('role="alert"');
    // The token was used up.
    expect((await fetchReplica('/en-us/users/me/merge-profiles/', { cookie, form: { token } })).location).toContain('outcome=merge-expired');
  });

  it('escapes every value it puts in a page', async () => {
    const hostile: Scenario = {
      name: 'hostile',
      identities: [{ email: 'x@example.com', kind: 'msa', displayName: '<img src=x onerror=alert(1)>' }],
      profiles: [{ id: 'P1', displayName: '</p><script>alert("x")</script>', accounts: ['x@example.com'] }],
      certificationMsa: 'x@example.com',
      signedInAs: 'x@example.com',
    };
    replica.load(hostile);
    const settings = await fetchReplica('/en-us/users/me/settings/?outcome=already-linked&account=%3Cb%3Eowned%3C%2Fb%3E');
    expect(settings.body).not.toContain('<script>alert');
    expect(settings.body).toContain('&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(settings.body).toContain('<strong>&lt;b&gt;owned&lt;/b&gt;</strong>');
    const picker = await fetchReplica(
      `/common/oauth2/v2.0/authorize?redirect_uri=${encodeURIComponent(`https://${LEARN_HOST}/_replica/auth/callback`)}&state=signin%3A%2Fen-us%2F%22%3E`,
      { host: LOGIN_HOST },
    );
    expect(picker.body).not.toContain('<img src=x');
    expect(picker.body).toContain('value="signin:/en-us/&quot;&gt;"');
  });

  it('copies: load() takes a copy of the scenario, state() gives one', async () => {
    const scenario = structuredClone(scenarios['has-aad'] as Scenario);
    replica.load(scenario);
    scenario.profiles[0]?.accounts.push('changed@example.com');
    replica.state().profiles[0]?.accounts.push('changed@example.com');
    expect(replica.state().profiles[0]?.accounts).toEqual(['learner@outlook.com', 'ana@contoso.com']);
    expect(replica.state()).toMatchObject({ scenario: 'has-aad', certificationMsa: 'cert.ana@hotmail.com', signedInAs: 'learner@outlook.com' });
  });
});
