import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = 'http://127.0.0.1:3000';

/** Dev server only: serve admin.html for /admin and /admin/*, as the Node server does in production. */
function adminFallback(): Plugin {
  return {
    name: 'jianfu-admin-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        const path = url.split('?')[0] ?? '';
        if (path === '/admin' || (path.startsWith('/admin/') && !path.includes('.'))) req.url = '/admin.html';
        next();
      });
    },
  };
}

/** Chunks: vendors for the admin SPA only (the public entry imports no package at all), and the shared labels. */
function vendorChunk(id: string): string | undefined {
  // code used by both entries (the label table, small helpers): one small shared chunk
  if (id.includes('/src/domain/i18n/') || id.includes('/src/web/shared/')) return 'shared';
  if (!id.includes('/node_modules/')) return undefined;
  // charts load with the lazy dashboard route only
  if (/\/node_modules\/(echarts|zrender)\//.test(id)) return 'vendor-echarts';
  if (/\/node_modules\/(react|react-dom|scheduler|react-router|@tanstack)\//.test(id)) return 'vendor-react';
  if (/\/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|dayjs|@babel\/runtime)\//.test(id)) return 'vendor-antd';
  return 'vendor';
}

export default defineConfig({
  root: webRoot,
  base: '/',
  // src/web/public/ holds the public entry's source, not static files to copy verbatim
  publicDir: false,
  plugins: [react(), adminFallback()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd is one large vendor chunk (~1.1 MB raw, ~350 KB gzipped); warn only beyond that
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: `${webRoot}/index.html`,
        admin: `${webRoot}/admin.html`,
      },
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
