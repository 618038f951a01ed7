import { useState } from 'preact/hooks';
import type { Progress } from '../guide/progress.ts';
import { t } from './i18n.ts';
import { send } from './use-stored-progress.ts';

/**
 * The Certification profile's personal account, as the person knows it: it lets the guide
 * say "you added x, your Certification profile uses y" in time, and fills the support request.
 */
export function CertificationFields({ progress }: { progress: Progress }) {
  const learnMsa = progress.world.learnMsa;
  return (
    <div class="cert-fields">
      {learnMsa && <p class="small">{t('learnMsaIs', learnMsa)}</p>}
      <CertMsaForm progress={progress} />
    </div>
  );
}

/** The field of the Certification profile's account, asked once and kept with the progress. */
export function CertMsaForm({ progress }: { progress: Progress }) {
  const [draft, setDraft] = useState(progress.certMsa ?? '');
  const save = (event: Event) => {
    event.preventDefault();
    void send({ type: 'set-cert-msa', address: draft.trim() || null });
  };
  return (
    <form onSubmit={save}>
      <label for="cert-msa">{t('certMsaLabel')}</label>
      <div class="row">
        <input
          id="cert-msa"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          placeholder="name@outlook.com"
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit">{t('save')}</button>
      </div>
    </form>
  );
}
