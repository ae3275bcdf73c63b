import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Archive Reader';

/** The folder Electron's app.getPath('userData') uses, so both hosts share logs and settings. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ARCHIVE_READER_DATA_DIR) return env.ARCHIVE_READER_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
