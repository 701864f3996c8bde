/**
 * Security headers (helmet). The Content-Security-Policy allows only this server's own scripts, styles,
 * images and fetches: no inline script or style, no CDN, no frames, and Trusted Types so that no HTML
 * string can reach the DOM (the page builds everything from text nodes and elements).
 */
import http from 'node:http';
import net from 'node:net';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** The CSP directives. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  requireTrustedTypesFor: ["'script'"],
  trustedTypes: ["'none'"],
};

/** Helmet's options for this site. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'no-referrer' as const },
  xFrameOptions: { action: 'deny' as const },
};

/**
 * Helmet with this site's policy. No `upgrade-insecure-requests`: the server is usually reached over plain
 * HTTP on a local or internal address.
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  return helmet(HELMET_OPTIONS);
}

let fixed: ReadonlyArray<[string, string]> | null = null;

/**
 * The same headers as name/value pairs, for the answers written outside Express (Node's own 400, 408 and
 * 431, CONNECT's 405): what helmet sets on a response, read once from a real (unsent) response.
 * @example
 * securityHeaderPairs().find(([name]) => name === 'x-content-type-options'); // ['x-content-type-options', 'nosniff']
 */
export function securityHeaderPairs(): ReadonlyArray<[string, string]> {
  if (fixed) return fixed;
  const req = new http.IncomingMessage(new net.Socket());
  const res = new http.ServerResponse(req);
  helmet(HELMET_OPTIONS)(req, res, () => {});
  fixed = Object.entries(res.getHeaders()).map(([name, value]): [string, string] => [name, String(value)]);
  return fixed;
}
