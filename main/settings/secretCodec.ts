/** A secret as written to disk: which codec wrote it, and its encoded text. */
export interface StoredSecret {
  enc: string;
  data: string;
}

/**
 * How a host keeps a password at rest. Electron uses the OS keychain (`safeStorage`); browser mode,
 * which has no keychain, writes it as is into a file only the user can read (mode 0600).
 */
export interface SecretCodec {
  storage: 'encrypted' | 'owner-only-file';
  encode(plain: string): StoredSecret;
  /** Throws when the secret cannot be read back (another codec, a changed keychain). */
  decode(stored: StoredSecret): string;
}

export const plainSecretCodec: SecretCodec = {
  storage: 'owner-only-file',
  encode: (plain) => ({ enc: 'plain', data: plain }),
  decode(stored) {
    if (stored.enc !== 'plain') throw new Error(`a password stored as "${stored.enc}" cannot be read without the desktop app`);
    return stored.data;
  },
};
