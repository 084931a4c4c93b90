// The built app's Content-Security-Policy: scripts only from the app's own files (no inline script,
// no eval) and blob: (onnxruntime-web fetches its threaded WASM glue and imports it from a blob: URL),
// WebAssembly compiled ('wasm-unsafe-eval', which onnxruntime-web needs), workers from the app's files
// (the engine) or blob: (onnxruntime-web's threads), network only to the app and the Hugging Face hub
// (model files redirect to its CDN hosts). vite.config.ts sends it as a
// header from `vite preview` and writes it into the built index.html as a meta tag for static hosts.
// The dev server sends none: React's fast refresh injects an inline script there.

const HUB = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", 'blob:', "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  // Picked model folders are read through blob: URLs; the hub serves model files and sizes.
  'connect-src': ["'self'", 'blob:', 'data:', ...HUB],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The policy as one header (or meta) value. Directives a meta tag ignores (frame-ancestors, report-uri) are left out. */
export function policyText(policy: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
