import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into dist/web, which the api serves at `/` (apps/api/src/bootstrap/serve-web-app.ts). */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // react-router marks its modules "use client" for server components; a browser bundle has no use for it.
      onwarn: (w, warn) => w.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(w),
    },
  },
  // `npm run dev:web`: the app on :5173, the API of a running `npm start` behind it.
  server: { proxy: { '/api': 'http://localhost:3000', '/docs-json': 'http://localhost:3000' } },
});
