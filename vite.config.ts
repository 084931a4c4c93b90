import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { policyText } from './scripts/lib/contentSecurityPolicy.ts';

// Cross-origin isolation lets onnxruntime-web use multi-threaded WASM.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The built index.html carries the Content-Security-Policy, for hosts that cannot set headers. */
function securityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyText() }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), securityPolicyMeta()],
  worker: { format: 'es' },
  // The dev server sends no policy: React's fast refresh runs an inline script there.
  server: { headers: isolation },
  preview: { headers: { ...isolation, 'Content-Security-Policy': policyText() } },
  optimizeDeps: {
    exclude: ['@huggingface/transformers'],
    // Named up front: a dependency first met in the worker (protobufjs's Writer, for the KV-row gather graph) would
    // otherwise make the dev server re-optimise and reload the page in the middle of the first load.
    include: ['protobufjs/minimal.js', 'comlink', 'react', 'react-dom', 'react-dom/client', 'uplot', 'd3-hierarchy', 'idb', 'valibot', 'papaparse'],
  },
  build: { target: 'es2022' },
});
