import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSettingsView } from '../../../shared/model/network';

export interface ProxyCredentialFieldsProps {
  /** Each proxy's fields have their own names, so the manual and the system sign-in are never confused. */
  labels: { username: string; password: string; clearPassword: string };
  passwordSet: boolean;
  passwordStorage: NetworkSettingsView['passwordStorage'];
  username: string;
  password: string;
  clearPassword: boolean;
  onUsername(value: string): void;
  onPassword(value: string): void;
  onClearPassword(value: boolean): void;
}

/**
 * A proxy's user name and password. The stored password is never shown: the field stays empty, says
 * whether one is stored and how, and a new one replaces it (or the box removes it).
 */
export function ProxyCredentialFields(props: ProxyCredentialFieldsProps) {
  const { t } = useTranslation();
  const ids = { password: useId(), state: useId() };
  return (
    <>
      <label className="field">
        <span>{props.labels.username}</span>
        <input
          type="text"
          className="network-input"
          autoComplete="off"
          spellCheck={false}
          value={props.username}
          onChange={(e) => props.onUsername(e.target.value)}
        />
      </label>
      <label className="field" htmlFor={ids.password}>
        <span>{props.labels.password}</span>
      </label>
      <input
        id={ids.password}
        type="password"
        className="network-input"
        autoComplete="new-password"
        value={props.password}
        aria-describedby={ids.state}
        onChange={(e) => props.onPassword(e.target.value)}
      />
      <p id={ids.state} className="choice-hint muted">
        {props.passwordSet ? t('network.passwordSet') : t('network.passwordNotSet')} {t(`network.storage.${props.passwordStorage}`)}
      </p>
      {props.passwordSet && (
        <label className="choice">
          <input type="checkbox" checked={props.clearPassword} disabled={Boolean(props.password)} onChange={(e) => props.onClearPassword(e.target.checked)} />
          <span>{props.labels.clearPassword}</span>
        </label>
      )}
    </>
  );
}
