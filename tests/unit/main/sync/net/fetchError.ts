import { expect } from 'vitest';
import { FetchError } from '../../../../../main/sync/net/FetchError';

/** The FetchError a fetch rejects with; fails the test if it resolves or rejects with anything else. */
export async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected a FetchError');
}
