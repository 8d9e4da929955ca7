/** The `prevHash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);
