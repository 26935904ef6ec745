import { createHash } from 'node:crypto';

/** Hex SHA-256: how refresh tokens and emailed link tokens are stored (they are random, so no salt is needed). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
