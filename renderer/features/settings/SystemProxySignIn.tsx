import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProxyCredentialFields, type ProxyCredentialFieldsProps } from './ProxyCredentialFields';

/**
 * An optional user name and password for whichever proxy the system picks, offered only when that proxy
 * asks (407).
 */
export function SystemProxySignIn(props: Omit<ProxyCredentialFieldsProps, 'labels'>) {
  const { t } = useTranslation();
  const hint = useId();
  const labels = {
    username: t('network.systemSignIn.username'),
    password: t('network.systemSignIn.password'),
    clearPassword: t('network.systemSignIn.clearPassword'),
  };
  return (
    <fieldset className="network-system-signin" aria-describedby={hint}>
      <legend>{t('network.systemSignIn.legend')}</legend>
      <p id={hint} className="choice-hint muted">
        {t('network.systemSignIn.hint')}
      </p>
      <ProxyCredentialFields labels={labels} {...props} />
    </fieldset>
  );
}
