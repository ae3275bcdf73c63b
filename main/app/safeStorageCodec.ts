import { safeStorage } from 'electron';
import type { Logger } from '../log/createLogger';
import { plainSecretCodec, type SecretCodec } from '../settings/secretCodec';

/**
 * Passwords encrypted with the OS keychain (Keychain, DPAPI, libsecret/kwallet). Where none is
 * available, or Linux offers only its hard-coded "basic_text" key, the owner-only file is used and the
 * settings say so.
 */
export function safeStorageCodec(logger: Pick<Logger, 'warn'>): SecretCodec {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    logger.warn('no OS keychain for encryption; a proxy password is kept in an owner-only file instead');
    return plainSecretCodec;
  }
  return {
    storage: 'encrypted',
    encode: (plain) => ({ enc: 'safeStorage', data: safeStorage.encryptString(plain).toString('base64') }),
    decode(stored) {
      if (stored.enc === 'plain') return stored.data;
      if (stored.enc !== 'safeStorage') throw new Error(`unknown password encoding "${stored.enc}"`);
      return safeStorage.decryptString(Buffer.from(stored.data, 'base64'));
    },
  };
}
