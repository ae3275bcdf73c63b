import { useCallback, useEffect, useState } from 'react';
import type { HostKind } from '../../shared/api/archiveApi';
import type { NetworkSettingsUpdate, NetworkSettingsView } from '../../shared/model/network';
import { useArchive } from '../api/ArchiveContext';

export interface NetworkSettingsState {
  /** null while loading. */
  settings: NetworkSettingsView | null;
  /** Which host answers: "the system proxy" means something different in each. */
  host: HostKind | null;
  /** Why loading failed, if it did (an ApiCallError to translate). */
  loadError: unknown;
  /** Saves through main and shows main's normalized answer; throws ApiCallError (e.g. 'proxy-invalid-url'). */
  save(update: NetworkSettingsUpdate): Promise<NetworkSettingsView>;
}

/** Network (proxy) settings, which main owns and keeps in its data folder, not in the renderer's store. */
export function useNetworkSettings(): NetworkSettingsState {
  const { api } = useArchive();
  const [settings, setSettings] = useState<NetworkSettingsView | null>(null);
  const [host, setHost] = useState<HostKind | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.getNetworkSettings(), api.getAppInfo()]).then(
      ([s, info]) => {
        if (!live) return;
        setSettings(s);
        setHost(info.host);
      },
      (err: unknown) => live && setLoadError(err),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = useCallback(
    async (update: NetworkSettingsUpdate) => {
      const next = await api.setNetworkSettings(update);
      setSettings(next);
      return next;
    },
    [api],
  );

  return { settings, host, loadError, save };
}
