import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/apiError';
import type { HostKind } from '../../../shared/api/archiveApi';
import { parseProxyUrl, type NetworkSettingsView, type ProxyMode, type ProxyUrlProblem } from '../../../shared/model/network';
import { useNetworkSettings, type NetworkSettingsState } from '../../hooks/useNetworkSettings';
import { translateError } from '../../i18n/translateError';
import { ModalDialog } from '../sync/ModalDialog';
import { ProxyCredentialFields } from './ProxyCredentialFields';
import { SystemProxySignIn } from './SystemProxySignIn';
import './network.css';

const MODES: ProxyMode[] = ['system', 'none', 'manual'];
const PROBLEMS: ProxyUrlProblem[] = ['empty', 'invalid', 'scheme', 'path'];

/** The "Network" dialog: how sync reaches the portal (system proxy, none, or one the user sets). */
export function NetworkSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const state = useNetworkSettings();
  return (
    <ModalDialog title={t('network.title')} onClose={onClose} className="network-settings">
      {state.settings ? (
        <NetworkForm settings={state.settings} host={state.host} save={state.save} />
      ) : state.loadError ? (
        <p role="alert" className="error-text">
          {translateError(t, state.loadError)}
        </p>
      ) : (
        <p>{t('network.loading')}</p>
      )}
    </ModalDialog>
  );
}

interface FormProps {
  settings: NetworkSettingsView;
  host: HostKind | null;
  save: NetworkSettingsState['save'];
}

function NetworkForm({ settings, host, save }: FormProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ProxyMode>(settings.mode);
  const [proxyUrl, setProxyUrl] = useState(settings.proxyUrl);
  const [username, setUsername] = useState(settings.username);
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [systemUsername, setSystemUsername] = useState(settings.systemUsername);
  const [systemPassword, setSystemPassword] = useState('');
  const [clearSystemPassword, setClearSystemPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [urlInvalid, setUrlInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const ids = { url: useId(), urlHint: useId(), error: useId() };
  const manual = mode === 'manual';
  // Any edit makes "Saved" stale.
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setSaved(false);
    };

  const problemText = (problem: unknown) =>
    PROBLEMS.includes(problem as ProxyUrlProblem) ? t(`network.problems.${problem as ProxyUrlProblem}`) : t('network.problems.invalid');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // Checked here too so the problem shows at once; main checks again and has the last word.
    if (manual || proxyUrl.trim()) {
      const parsed = parseProxyUrl(proxyUrl);
      if (!parsed.ok) {
        setError(problemText(parsed.problem));
        setUrlInvalid(true);
        urlRef.current?.focus();
        return;
      }
    }
    setBusy(true);
    setError('');
    setUrlInvalid(false);
    try {
      const next = await save({
        mode,
        proxyUrl,
        username,
        ...(password ? { password } : clearPassword ? { password: null } : {}),
        systemUsername,
        ...(systemPassword ? { systemPassword } : clearSystemPassword ? { systemPassword: null } : {}),
      });
      setProxyUrl(next.proxyUrl);
      setUsername(next.username);
      setPassword('');
      setClearPassword(false);
      setSystemUsername(next.systemUsername);
      setSystemPassword('');
      setClearSystemPassword(false);
      setSaved(true);
    } catch (err) {
      if (isApiError(err) && err.code === 'proxy-invalid-url') {
        setError(problemText(err.params?.problem));
        setUrlInvalid(true);
      } else {
        setError(translateError(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  const systemHint = host === 'browser' ? t('network.hints.systemBrowser') : t('network.hints.systemElectron');

  return (
    <form className="network-form" onSubmit={submit} noValidate>
      <p>{t('network.intro')}</p>
      <fieldset>
        <legend>{t('network.proxy')}</legend>
        {MODES.map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name="proxy-mode"
              value={m}
              checked={mode === m}
              onChange={() => edited(setMode)(m)}
            />
            <span className="choice-text">
              <span>{t(`network.modes.${m}`)}</span>
              <span className="choice-url">{m === 'system' ? systemHint : t(`network.hints.${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'system' && (
        <SystemProxySignIn
          passwordSet={settings.systemPasswordSet}
          passwordStorage={settings.passwordStorage}
          username={systemUsername}
          password={systemPassword}
          clearPassword={clearSystemPassword}
          onUsername={edited(setSystemUsername)}
          onPassword={edited(setSystemPassword)}
          onClearPassword={edited(setClearSystemPassword)}
        />
      )}
      <fieldset disabled={!manual} className="network-manual">
        <legend>{t('network.manualProxy')}</legend>
        <label className="field" htmlFor={ids.url}>
          <span>{t('network.url')}</span>
        </label>
        <input
          ref={urlRef}
          id={ids.url}
          className="network-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={proxyUrl}
          aria-invalid={urlInvalid || undefined}
          aria-describedby={urlInvalid ? `${ids.error} ${ids.urlHint}` : ids.urlHint}
          onChange={(e) => edited(setProxyUrl)(e.target.value)}
        />
        <p id={ids.urlHint} className="choice-hint muted">
          {t('network.urlHint')}
        </p>
        <ProxyCredentialFields
          labels={{ username: t('network.username'), password: t('network.password'), clearPassword: t('network.clearPassword') }}
          passwordSet={settings.passwordSet}
          passwordStorage={settings.passwordStorage}
          username={username}
          password={password}
          clearPassword={clearPassword}
          onUsername={edited(setUsername)}
          onPassword={edited(setPassword)}
          onClearPassword={edited(setClearPassword)}
        />
      </fieldset>
      {error && (
        <p id={ids.error} role="alert" className="error-text">
          {error}
        </p>
      )}
      <p aria-live="polite" className="dialog-messages">
        {saved ? t('network.saved') : busy ? t('network.saving') : ''}
      </p>
      <div className="dialog-actions">
        <button type="submit" disabled={busy}>
          {t('network.save')}
        </button>
      </div>
    </form>
  );
}
