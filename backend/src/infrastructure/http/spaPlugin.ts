/**
 * Serves the built SPA: hashed assets with a long cache, index.html for every client-side
 * route (GET, accepts HTML, not under /api, /health, /socket.io, /metrics or /admin).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Inert from '@hapi/inert';
import Boom from '@hapi/boom';
import type { Plugin, Request } from '@hapi/hapi';

const SERVER_PREFIXES = ['/api/', '/health', '/socket.io', '/metrics', '/admin/'];

function isClientRoute(request: Request): boolean {
  if (request.method !== 'get') return false;
  if (SERVER_PREFIXES.some((p) => request.path === p.replace(/\/$/, '') || request.path.startsWith(p)))
    return false;
  if (path.extname(request.path) !== '') return false;
  const accept = String(request.headers.accept ?? '');
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

export interface SpaPluginOptions {
  distDir: string;
}

export const spaPlugin: Plugin<SpaPluginOptions> = {
  name: 'spa',
  async register(server, { distDir }) {
    const indexFile = path.join(distDir, 'index.html');
    if (!existsSync(indexFile)) {
      server.log(['spa', 'warn'], `SPA not built (${indexFile} missing): run npm run build`);
      return;
    }
    await server.register(Inert);

    server.route({
      method: 'GET',
      path: '/{path*}',
      // Client-side routes may carry any query string; the SPA reads it, the server does not.
      options: { auth: false, validate: { query: true } },
      handler: { directory: { path: distDir, index: true, redirectToSlash: false, lookupCompressed: true } },
    });

    server.ext('onPreResponse', (request, h) => {
      const response = request.response;
      if (Boom.isBoom(response)) {
        if (response.output.statusCode === 404 && isClientRoute(request)) {
          return h.file(indexFile, { confine: false }).header('cache-control', 'no-cache').code(200);
        }
        return h.continue;
      }
      if (request.path.startsWith('/assets/')) {
        response.header('cache-control', 'public, max-age=31536000, immutable');
      } else if (request.route.path === '/{path*}') {
        response.header('cache-control', 'no-cache');
      }
      return h.continue;
    });
  },
};
