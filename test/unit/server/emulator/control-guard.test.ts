import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import { startChat, startTestEmulator } from './emulator-fixture';

interface Answer {
  status: number;
  code?: string;
}

/** A raw request, so Host, Origin and Content-Type are exactly what a test says. */
function send(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(`${url}${path}`, { method, headers: { ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        } catch {
          code = undefined;
        }
        resolve({ status: res.statusCode ?? 0, ...(code === undefined ? {} : { code }) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the control API refuses requests that are not from this machine’s own tools', () => {
  let emulator: RunningEmulator;
  let url: string;
  let port: string;
  let contactId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
    port = new URL(url).port;
    contactId = (await startChat(url)).ContactId;
  });
  afterAll(() => emulator?.close());

  const json = { 'content-type': 'application/json' };
  const end = () => `/emulator/contacts/${contactId}/queue`;

  it('takes a JSON write on 127.0.0.1 or localhost with our port, with no Origin or our own', async () => {
    expect((await send(url, 'POST', end(), { ...json, host: `127.0.0.1:${port}` }, '{}')).status).toBe(200);
    expect((await send(url, 'POST', end(), { ...json, host: `localhost:${port}`, origin: `http://localhost:${port}` }, '{}')).status).toBe(200);
    expect((await send(url, 'GET', '/emulator/contacts', { host: `127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it.each([
    ['a rebinding DNS name', 'attacker.example'],
    ['a rebinding DNS name with our port', 'attacker.example:PORT'], // PORT: the emulator's, known only once it runs
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['a look-alike', '127.0.0.1.attacker.example:PORT'],
  ])('refuses a Host of %s with 403', async (_case, host) => {
    const get = await send(url, 'GET', '/emulator/contacts', { host: host.replace('PORT', port) });
    expect(get).toEqual({ status: 403, code: 'request.host_not_allowed' });
    const write = await send(url, 'POST', end(), { ...json, host: host.replace('PORT', port) }, '{}');
    expect(write).toEqual({ status: 403, code: 'request.host_not_allowed' });
  });

  it.each([
    ['another site', 'https://attacker.example'],
    ['another port of ours', 'http://127.0.0.1:1'],
    ['an opaque origin', 'null'],
    ['https on our host', () => `https://127.0.0.1:${port}`],
  ])('refuses an Origin of %s with 403', async (_case, origin) => {
    const value = typeof origin === 'function' ? origin() : origin;
    const answer = await send(url, 'POST', end(), { ...json, host: `127.0.0.1:${port}`, origin: value }, '{}');
    expect(answer).toEqual({ status: 403, code: 'request.origin_not_allowed' });
  });

  it('refuses a cross-site fetch told apart only by Sec-Fetch-Site', async () => {
    const answer = await send(url, 'GET', '/emulator/contacts', { host: `127.0.0.1:${port}`, 'sec-fetch-site': 'cross-site' });
    expect(answer).toEqual({ status: 403, code: 'request.origin_not_allowed' });
  });

  it.each([
    ['no Content-Type (a bodiless no-cors fetch)', {}, undefined],
    ['text/plain (a simple request)', { 'content-type': 'text/plain' }, '{}'],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'],
    ['a multipart form', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
  ])('refuses a write with %s with 415', async (_case, headers, body) => {
    const answer = await send(url, 'POST', end(), { ...headers, host: `127.0.0.1:${port}` }, body);
    expect(answer).toEqual({ status: 415, code: 'request.unsupported_media_type' });
    const faults = await send(url, 'DELETE', '/emulator/faults', { ...headers, host: `127.0.0.1:${port}` }, body);
    expect(faults.status).toBe(415);
  });

  it('takes application/json with a charset', async () => {
    const answer = await send(url, 'POST', end(), { 'content-type': 'application/json; charset=utf-8', host: `127.0.0.1:${port}` }, '{}');
    expect(answer.status).toBe(200);
  });
});
