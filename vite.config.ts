import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client lives in client/; the browser build goes to dist/client, the SSR bundle to dist/server.
export default defineConfig(({ command, isSsrBuild }) => ({
  root: 'client',
  publicDir: 'public',
  plugins: [react(), tailwindcss()],
  // In development Vite injects <style> tags (CSS with hot reload): they carry the page's nonce,
  // which the server puts in place of this placeholder in every response (server/ssr/ssr.ts).
  html: command === 'serve' ? { cspNonce: '__CSP_NONCE__' } : undefined,
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    reportCompressedSize: true,
  },
  // The SSR bundle carries its own production React (3x faster server render than the dev build),
  // whatever NODE_ENV the server runs with.
  ssr: { noExternal: command === 'build' ? true : [] },
  define: command === 'build' && isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
}));
