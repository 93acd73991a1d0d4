import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application: built into dist/web and served by the Denw server (one process, one
// port). In development, `npx vite` proxies /api to a running `denw serve`.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
