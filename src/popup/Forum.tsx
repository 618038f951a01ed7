import type { Progress } from '../guide/progress.ts';
import { mcidOf, requestLanguageNames, requestLanguageOf, requestLanguages, supportRequest, type RequestLanguage } from '../guide/support-request.ts';
import { CertMsaForm, ReadSettings, send, t, uiLanguage, useState } from './shared.ts';

/**
 * The recommended path's two long steps, loaded only when the popup reaches them (a chunk of
 * its own, scripts/build.ts): the request to write at `forum-request`, the wait for support's
 * agent at `forum-verify`.
 */
export type ForumStep = 'forum-request' | 'forum-verify';

export function Forum({ progress, step }: { progress: Progress; step: ForumStep }) {
  return step === 'forum-request' ? <Request progress={progress} /> : <Waiting progress={progress} />;
}

/**
 * The request, written for the person in the language of the Learn they use (the forum is
 * read by people who answer in many languages; the person may pick another). Nothing is sent
 * from here: it is copied, and pasted by the person into the question they ask.
 */
function Request({ progress }: { progress: Progress }) {
  const learnMsa = progress.world.learnMsa;
  const certMsa = progress.certMsa;
  const [language, setLanguage] = useState<RequestLanguage>(() => requestLanguageOf(progress.world.lastObservation?.locale ?? uiLanguage));
  const [mcidDraft, setMcidDraft] = useState(progress.mcid ?? '');
  const mcid = mcidOf(mcidDraft);
  // While what is typed is no MCID, the last one kept stands (the field says why it is not taken).
  const given = mcid === undefined ? (progress.mcid ?? null) : mcid;
  const request = learnMsa && certMsa ? supportRequest({ learnMsa, certMsa, mcid: given }, language) : null;
  return (
    <section class="cert-fields forum" aria-labelledby="request-heading">
      <h3 id="request-heading">{t('requestHeading')}</h3>
      {learnMsa ? (
        <p class="small">{t('learnMsaIs', learnMsa)}</p>
      ) : (
        <ReadSettings progress={progress} text={t('requestNeedsLearnMsa')} class="notice small" />
      )}
      <CertMsaForm progress={progress} />
      <label for="mcid">{t('mcidLabel')}</label>
      <input
        id="mcid"
        inputMode="numeric"
        autocomplete="off"
        value={mcidDraft}
        aria-invalid={mcid === undefined}
        aria-describedby="mcid-help"
        onInput={(event) => setMcidDraft(event.currentTarget.value)}
        // Kept with the progress once valid: the request, and the wait's reminder, use it.
        onChange={() => mcid !== undefined && mcid !== progress.mcid && void send({ type: 'set-mcid', mcid })}
      />
      <p id="mcid-help" class={mcid === undefined ? 'warning' : 'muted small'}>
        {t(mcid === undefined ? 'mcidInvalid' : 'mcidHelp')}
      </p>
      {request ? (
        <>
          <label for="request-language">{t('requestLanguage')}</label>
          <select id="request-language" value={language} onChange={(event) => setLanguage(event.currentTarget.value as RequestLanguage)}>
            {requestLanguages.map((code) => (
              <option key={code} value={code} lang={code}>
                {requestLanguageNames[code]}
              </option>
            ))}
          </select>
          <Copyable id="request-title" label={t('requestTitleLabel')} text={request.title} copyLabel={t('copyTitle')} language={language} />
          <Copyable id="request-body" label={t('requestBodyLabel')} text={request.body} copyLabel={t('copyRequest')} language={language} multiline />
          <p class="muted small">{t('requestNothingSent')}</p>
        </>
      ) : (
        certMsa === null && <p class="muted small">{t('requestNeedsCertMsa')}</p>
      )}
    </section>
  );
}

/**
 * A text to paste elsewhere, shown as it will be pasted, with its copy button. Copying goes
 * through the Clipboard API from the click; where the browser refuses it, the text is selected
 * for the person's own Ctrl+C, and they are told so.
 */
function Copyable(props: { id: string; label: string; text: string; copyLabel: string; language: string; multiline?: boolean }) {
  const { id, text } = props;
  const [status, setStatus] = useState<{ text: string; copied: boolean } | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setStatus({ text, copied: true }),
      () => {
        const field = document.getElementById(id) as HTMLTextAreaElement;
        field.focus();
        field.select();
        setStatus({ text, copied: false });
      },
    );
  // Said for the text it was said of: an edit of the fields above makes a new text, not copied yet.
  const said = status?.text === text ? status : null;
  const Field = props.multiline ? 'textarea' : 'input';
  return (
    <>
      <label for={id}>{props.label}</label>
      <Field id={id} readOnly value={text} lang={props.language} rows={props.multiline ? 9 : undefined} />
      <div class="request">
        <button type="button" onClick={() => void copy()}>
          {props.copyLabel}
        </button>
        <span role="status" class={said?.copied === false ? 'warning' : undefined}>
          {said && ` ${t(said.copied ? 'copiedPaste' : 'copyRefused')}`}
        </span>
      </div>
    </>
  );
}

const day = 86_400_000;

/** "today", "yesterday", "3 days ago": calendar days, in the browser's language. */
function daysAgo(at: number, now: number): string {
  const midnight = (time: number) => new Date(time).setHours(0, 0, 0, 0);
  // Rounded: a day with a clock change is 23 or 25 hours long.
  return new Intl.RelativeTimeFormat(uiLanguage, { numeric: 'auto' }).format(Math.round((midnight(at) - midnight(now)) / day), 'day');
}

/**
 * The wait for support's agent, which can take days: when the request was made, how long ago,
 * what the agent will ask, and what to do on coming back.
 */
function Waiting({ progress }: { progress: Progress }) {
  const asked = progress.done.recommended?.['forum-request'];
  const now = Date.now();
  const { learnMsa } = progress.world;
  const ready = [
    learnMsa && t('learnMsaIs', learnMsa),
    progress.certMsa && t('certMsaIs', progress.certMsa),
    progress.mcid && t('mcidIs', progress.mcid),
    t('verifyYourName'),
  ].filter(Boolean) as string[];
  return (
    <section class="forum" aria-labelledby="waiting-heading">
      <h3 id="waiting-heading">{t('verifyHeading')}</h3>
      {asked && (
        <p data-testid="asked-on">
          {t('verifyAskedOn', new Date(asked.at).toLocaleDateString(uiLanguage, { dateStyle: 'long' }), daysAgo(asked.at, now))}
        </p>
      )}
      <p>{t('verifyWhatNext')}</p>
      {asked && now - asked.at > 7 * day && <p class="warning">{t('verifyNoNews')}</p>}
      <p class="small">{t('verifyHaveReady')}</p>
      <ul class="small">
        {ready.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p class="small">{learnMsa ? t('verifyThen', learnMsa) : t('verifyThenUnknown')}</p>
    </section>
  );
}
