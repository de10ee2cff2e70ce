// The only reader of import.meta.env. The SPA is normally served by the backend (or proxied by
// the Vite dev server), so the API lives on the same origin unless VITE_API_URL says otherwise.
function readApiBaseUrl(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new Error(`VITE_API_URL must be an absolute URL such as https://api.example.org, got "${raw}"`);
  }
}

export const env = Object.freeze({
  apiBaseUrl: readApiBaseUrl(import.meta.env.VITE_API_URL as string | undefined),
});
