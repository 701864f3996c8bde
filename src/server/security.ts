/**
 * Security headers (helmet). The Content-Security-Policy allows only this server's own scripts, styles,
 * images and fetches: no inline script or style, no CDN, no frames, and Trusted Types so that no HTML
 * string can reach the DOM (the page builds everything from text nodes and elements).
 */
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

/**
 * Helmet with this site's policy. No `upgrade-insecure-requests`: the server is usually reached over plain
 * HTTP on a local or internal address.
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
