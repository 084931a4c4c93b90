import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets onnxruntime-web use multi-threaded WASM.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  optimizeDeps: {
    exclude: ['@huggingface/transformers'],
    // Named up front: a dependency first met in the worker (protobufjs, for the KV-row gather graph) would
    // otherwise make the dev server re-optimise and reload the page in the middle of the first load.
    include: ['protobufjs/light.js', 'comlink', 'react', 'react-dom', 'react-dom/client', 'recharts', 'd3-hierarchy'],
  },
  build: { target: 'es2022' },
});
