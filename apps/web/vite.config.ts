import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web app shares the API's DTO types (`import type … from '@app/…'`), which the compiler
 * erases. A value import of a server lib would drag Nest and TypeORM into the browser bundle:
 * fail the build instead. `@app/rulebook` is the exception: pure TypeScript by design (no Nest,
 * no I/O), so its labels and stage order are shared as values too.
 */
const PURE_LIBS = new Set(['@app/rulebook']);
const typesOnlyFromServerLibs = (): Plugin => ({
  name: 'kaocha-types-only-from-server-libs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source.startsWith('@app/') && !PURE_LIBS.has(source)) {
      throw new Error(`${importer ?? '?'}: "${source}" may only be imported with "import type" (server code must not reach the browser)`);
    }
    return null;
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [typesOnlyFromServerLibs()],
  resolve: { alias: { '@app/rulebook': fileURLToPath(new URL('../../libs/rulebook/src/index.ts', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a plain SPA bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/public': 'http://127.0.0.1:3000' } },
});
