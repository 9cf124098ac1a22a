import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildLambda } from '../../../../deploy/build-lambda';
import type { ApiGatewayEvent, ApiGatewayProxyResult } from '../../../../src/server/backend/lambda.handler';
import { loadInstancesFile } from '../../../../src/server/backend/instances-file';
import { startEmulator, type RunningEmulator } from '../../../../src/server/emulator/emulator';

describe('the deployable Lambda bundle', () => {
  let dir: string;
  let emulator: RunningEmulator;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lambda-bundle-'));
    await buildLambda({ outDir: dir, instancesFile: 'config/instances.json' });
    emulator = await startEmulator({ instances: (await loadInstancesFile('config/instances.json')).instances });
  }, 60_000);

  afterAll(async () => {
    process.env = saved;
    await emulator?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is one CommonJS file with the instances beside it', async () => {
    expect((await readdir(dir)).sort()).toEqual(['index.js', 'index.js.map', 'instances.json', 'package.json']);
  });

  it('starts a chat through index.handler, configured from the environment as the template sets it', async () => {
    process.env.INSTANCES_FILE = join(dir, 'instances.json');
    process.env.CONNECT_ENDPOINT = emulator.url;
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { handler } = createRequire(import.meta.url)(join(dir, 'index.js')) as {
      handler: (event: ApiGatewayEvent) => Promise<ApiGatewayProxyResult>;
    };
    const result = await handler({
      version: '2.0',
      rawPath: '/api/chats',
      headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' },
      body: JSON.stringify({ instance: 'help_faq_bot', displayName: 'Zoe' }),
      requestContext: { stage: '$default', http: { method: 'POST', sourceIp: '198.51.100.1' } },
    });
    info.mockRestore();
    expect(result.statusCode).toBe(200);
    const started = JSON.parse(result.body) as { contactId: string; participantEndpoint: string };
    expect(started.participantEndpoint).toBe(emulator.url);
    expect(emulator.emulator.contacts.get(started.contactId)).toBeDefined();
  });
});
