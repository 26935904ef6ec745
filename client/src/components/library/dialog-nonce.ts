import { setNonce } from 'get-nonce';
import { pageNonce } from '../../lib/page-nonce.ts';

// Radix's scroll lock adds a <style> element when a dialog opens; our CSP only lets in styles that
// carry the page's nonce, and react-style-singleton asks get-nonce for it. Imported for its effect
// by every library dialog (the trailer dialog does the same for its own chunk).
const nonce = pageNonce();
if (nonce) setNonce(nonce);
