import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkSettingsDialog } from './NetworkSettingsDialog';

/** Opens the network (proxy) settings from the top bar, next to language and theme. */
export function NetworkButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('network.open')}
      </button>
      {open && <NetworkSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
