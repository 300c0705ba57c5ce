import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';

// What the API answers itself; everything else a browser asks for is the web app.
const API_PATHS = /^\/(api|health|metrics|docs)(\/|-json|$)/;

/**
 * Serves the built web app at `/` on the api's own port: hashed assets (`/assets/…`) are cached for
 * a year and never revalidated, since a new build gives them new names; index.html is revalidated
 * on every visit, so a deploy reaches browsers at once. A page address the app routes itself
 * (`/dashboard/can-tho`) answers index.html. Without a build (`WEB_DIR` absent) only the API is served.
 */
export const serveWebApp = (app: NestExpressApplication, webDir: string): boolean => {
  const root = resolve(webDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const files = serveStatic(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) =>
      res.setHeader(
        'Cache-Control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  const page = (req: Request, res: Response, next: NextFunction) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (e) => e && next(e));
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    // A missing asset is a 404 of the API's kind, not the app's page.
    files(req, res, () => (req.path.startsWith('/assets/') ? next() : page(req, res, next)));
  });
  return true;
};
