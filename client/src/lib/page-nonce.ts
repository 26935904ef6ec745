/**
 * The CSP nonce of this page. The server puts it on every script it renders; browsers hide the
 * attribute once parsed, so it is read from the element's `nonce` property.
 */
export function pageNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.getElementById('__STATE__')?.nonce || undefined;
}
