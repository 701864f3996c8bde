import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorPage } from '../../src/server/render/error-page.js';
import { useTestApp } from './test-engine.js';

/** What a browser sends when it opens an address. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const app = useTestApp();

describe('errors a browser meets at an address of the site', () => {
  it('gets a page with the status, the message in its language and a way back, not a JSON body', async () => {
    const en = await request(app()).get('/nope').set('Accept', BROWSER_ACCEPT).set('Accept-Language', 'en-GB,en;q=0.9');
    expect(en.status).toBe(404);
    expect(en.headers['content-type']).toMatch(/^text\/html/);
    expect(en.text).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(en.text).toContain('<p class="error" role="alert">Nothing is at /nope.');
    expect(en.text).toContain('<a href="/?lang=en">Back to search</a>');
    expect(en.text).not.toContain('<script');
    const zh = await request(app()).get('/nope').set('Accept', BROWSER_ACCEPT).set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(zh.text).toMatch(/<html lang="zh-CN">/);
    expect(zh.text).toContain('/nope 没有内容。');
    expect(zh.text).toContain('<a href="/">返回检索</a>');
  });

  it('puts the address into the page as text, never as markup', async () => {
    const res = await request(app()).get('/%3Cimg%20src=x%20onerror=alert(1)%3E').set('Accept', BROWSER_ACCEPT);
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/<img/i);
    expect(res.text).toContain('Nothing is at /%3Cimg%20src=x%20onerror=alert(1)%3E.');
  });

  it('gets the page for an address too long to serve', async () => {
    const res = await request(app()).get(`/?q=${'x'.repeat(9000)}`).set('Accept', BROWSER_ACCEPT);
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/The address is \d+ characters long; the limit is \d+\./);
  });

  it('leaves the API, scripts and other methods with the JSON body', async () => {
    const api = await request(app()).get('/api/nope').set('Accept', BROWSER_ACCEPT);
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
    const script = await request(app()).get('/nope');
    expect(script.headers['content-type']).toMatch(/^application\/json/);
    expect(script.body.error.code).toBe('NOT_FOUND');
    const post = await request(app()).post('/nope').set('Accept', BROWSER_ACCEPT);
    expect(post.headers['content-type']).toMatch(/^application\/json/);
    expect(post.headers.vary).toMatch(/Accept\b/);
  });
});

describe('errorPage', () => {
  it('escapes what it is given', () => {
    const page = errorPage('en', 400, '<b>"x" & \'y\'</b>');
    expect(page).toContain('&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;');
    expect(page).not.toContain('<b>');
  });
});
