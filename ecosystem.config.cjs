// PM2: a cluster of CineHub instances behind nginx (see nginx/cinehub.conf and the README).
// `npm run build` first; each instance runs the TypeScript server through tsx.
module.exports = {
  apps: [
    {
      name: 'cinehub',
      script: 'server/index.ts',
      node_args: '--import tsx',
      instances: process.env.WEB_CONCURRENCY || 'max',
      exec_mode: 'cluster',
      // The app sends 'ready' once it can serve; a reload waits for it, so no request is dropped.
      wait_ready: true,
      listen_timeout: 30000,
      // Longer than the app's drain time (8 s) so in-flight requests finish on SIGINT.
      kill_timeout: 12000,
      max_memory_restart: '1G',
      env: {
        NODE_ENV: 'production',
        PORT: 5000,
        HOST: '127.0.0.1',
      },
    },
  ],
};
