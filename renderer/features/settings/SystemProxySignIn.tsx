import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSettingsView } from '../../../shared/model/network';

export interface SystemProxySignInProps {
  settings: Pick<NetworkSettingsView, 'systemPasswordSet' | 'passwordStorage'>;
  username: string;
  password: string;
  clearPassword: boolean;
  onUsername(value: string): void;
  onPassword(value: string): void;
  onClearPassword(value: boolean): void;
}

/**
 * An optional user name and password for whichever proxy the system picks, offered only when that proxy
 * asks (407). Its own labels, so it is never mistaken for the manual proxy's fields next to it.
 */
export function SystemProxySignIn({ settings, username, password, clearPassword, onUsername, onPassword, onClearPassword }: SystemProxySignInProps) {
  const { t } = useTranslation();
  const ids = { hint: useId(), password: useId(), state: useId() };
  return (
    <fieldset className="network-system-signin" aria-describedby={ids.hint}>
      <legend>{t('network.systemSignIn.legend')}</legend>
      <p id={ids.hint} className="choice-hint muted">
        {t('network.systemSignIn.hint')}
      </p>
      <label className="field">
        <span>{t('network.systemSignIn.username')}</span>
        <input
          type="text"
          className="network-input"
          autoComplete="off"
          spellCheck={false}
          value={username}
          onChange={(e) => onUsername(e.target.value)}
        />
      </label>
      <label className="field" htmlFor={ids.password}>
        <span>{t('network.systemSignIn.password')}</span>
      </label>
      <input
        id={ids.password}
        type="password"
        className="network-input"
        autoComplete="new-password"
        value={password}
        aria-describedby={ids.state}
        onChange={(e) => onPassword(e.target.value)}
      />
      <p id={ids.state} className="choice-hint muted">
        {settings.systemPasswordSet ? t('network.passwordSet') : t('network.passwordNotSet')} {t(`network.storage.${settings.passwordStorage}`)}
      </p>
      {settings.systemPasswordSet && (
        <label className="choice">
          <input type="checkbox" checked={clearPassword} disabled={Boolean(password)} onChange={(e) => onClearPassword(e.target.checked)} />
          <span>{t('network.systemSignIn.clearPassword')}</span>
        </label>
      )}
    </fieldset>
  );
}
