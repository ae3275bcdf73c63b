// Injected by the build (esbuild `define`) from package.json; the fallback serves tests run from source.
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
