// `npm start`: build when needed, then run the server (TypeScript through tsx) in this process,
// so signals and PM2's ready message reach it directly.
import { register } from 'tsx/esm/api';
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
register();
await import('../server/index.ts');
