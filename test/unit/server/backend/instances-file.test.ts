import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInstancesFileError, loadInstancesFile, parseInstancesFile } from '../../../../src/server/backend/instances-file';
import { testInstance } from '../../../fixtures/instance';

const VALID = { instances: [testInstance()] };

function withInstance(change: (instance: Record<string, any>) => void): unknown {
  const copy = structuredClone(VALID) as { instances: Array<Record<string, any>> };
  change(copy.instances[0]!);
  return copy;
}

function problemOf(value: unknown): InvalidInstancesFileError {
  try {
    parseInstancesFile(value);
  } catch (error) {
    if (error instanceof InvalidInstancesFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('instances file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'instances-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the repository config with the demo instance help_faq_bot', async () => {
    const { instances } = await loadInstancesFile('config/instances.json');
    const demo = instances.find((instance) => instance.public.name === 'help_faq_bot');
    expect(demo?.public).toMatchObject({
      region: 'ap-southeast-2',
      queueMarker: '[queued]',
      rules: { urls: { exclude: ['/checkout', '/checkout/**'] } },
    });
    expect(demo?.public.rules?.schedule).toBeUndefined();
    expect(demo?.public.startChatUrl).toBeUndefined();
    expect(demo?.allowedOrigins).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
    expect(demo?.allowedAttributes).toEqual(['topic', 'orderId']);
  });

  it('accepts a minimal valid file', () => {
    expect(parseInstancesFile(VALID)).toEqual(VALID);
  });

  it('checks the public part with the same validator as the runtime (rules, text, pre-chat form)', () => {
    const full = withInstance((i) => {
      i.public.rules = { urls: { exclude: ['/checkout/**'] }, schedule: { timeZone: 'Australia/Sydney', weekly: { mon: [{ from: '09:00', to: '17:00' }] } } };
      i.public.text = { title: 'Help' };
      i.public.preChat = { fields: [{ name: 'displayName', label: 'Your name' }] };
    });
    expect(parseInstancesFile(full)).toEqual(full);
  });

  it.each([
    ['not an object', [], 'config.instances'],
    ['no public part', withInstance((i) => delete i.public), 'config.instances.public'],
    ['a bad name', withInstance((i) => (i.public.name = 'has space')), 'config.instances.public.name'],
    ['a bad region', withInstance((i) => (i.public.region = 'sydney')), 'config.instances.public.region'],
    ['an empty queue marker', withInstance((i) => (i.public.queueMarker = ' ')), 'config.instances.public.queueMarker'],
    ['an unknown public field', withInstance((i) => (i.public.colour = 'red')), 'config.instances.public.colour'],
    ['an unknown time zone', withInstance((i) => (i.public.rules = { schedule: { timeZone: 'Mars/Olympus', weekly: {} } })), 'config.instances.public.rules.schedule.timeZone'],
    ['an unknown UI text', withInstance((i) => (i.public.text = { launch: 'Go' })), 'config.instances.public.text.launch'],
    ['an instance id that is not a UUID', withInstance((i) => (i.connect.instanceId = 'abc')), 'config.instances.connect.instanceId'],
    ['a flow id that is not a UUID', withInstance((i) => (i.connect.contactFlowId = 'abc')), 'config.instances.connect.contactFlowId'],
    ['regions that differ', withInstance((i) => (i.connect.region = 'us-east-1')), 'config.instances.connect.region'],
    ['no allowed origins', withInstance((i) => (i.allowedOrigins = [])), 'config.instances.allowedOrigins'],
    ['an origin with a path', withInstance((i) => (i.allowedOrigins = ['https://www.example.com/'])), 'config.instances.allowedOrigins'],
    ['a bad attribute name', withInstance((i) => (i.allowedAttributes = ['a b'])), 'config.instances.allowedAttributes'],
  ])('refuses %s, naming the field', (_case, value, code) => {
    const error = problemOf(value);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^Invalid instances file: /);
  });

  it('takes a chat duration of 60 to 10080 whole minutes, and names any other', () => {
    for (const minutes of [60, 1500, 10080]) {
      const file = withInstance((i) => (i.connect.chatDurationInMinutes = minutes));
      expect(parseInstancesFile(file)).toEqual(file);
    }
    for (const minutes of [59, 10081, 90.5, '120']) {
      const error = problemOf(withInstance((i) => (i.connect.chatDurationInMinutes = minutes)));
      expect(error.code).toBe('config.instances.connect.chatDurationInMinutes');
      expect(error.problems).toEqual([`instances[0].connect.chatDurationInMinutes: expected whole minutes from 60 to 10080 (Amazon Connect's limits)`]);
    }
  });

  it('takes persistence "identity" only on an instance that verifies customers', () => {
    const error = problemOf(withInstance((i) => (i.public.persistence = 'identity')));
    expect(error.code).toBe('config.instances.public.persistence');
    const verified = withInstance((i) => {
      i.public.persistence = 'identity';
      i.identity = { mode: 'required', issuer: 'https://shop.example.com', hs256Secret: 'env:MEMBER_SECRET' };
    });
    expect(parseInstancesFile(verified)).toEqual(verified);
  });

  it('takes offHours.leaveMessage only with a connect.taskFlowId, and a taskFlowId only as a UUID', () => {
    const error = problemOf(withInstance((i) => (i.public.offHours = { leaveMessage: true })));
    expect(error.code).toBe('config.instances.connect.taskFlowId');
    expect(error.problems).toEqual(['instances[0].connect.taskFlowId: expected the task flow id, which public.offHours.leaveMessage needs']);
    const filed = withInstance((i) => {
      i.public.offHours = { leaveMessage: true };
      i.connect.taskFlowId = '5d2a8f16-3b7c-4e91-a6d0-9c4e2f7b1a38';
    });
    expect(parseInstancesFile(filed)).toEqual(filed);
    expect(parseInstancesFile(withInstance((i) => (i.public.offHours = { leaveMessage: false })))).toBeDefined();
    expect(problemOf(withInstance((i) => (i.connect.taskFlowId = 'flow-1'))).code).toBe('config.instances.connect.taskFlowId');
    expect(problemOf(withInstance((i) => (i.public.offHours = { leaveMessage: 'yes' }))).code).toBe('config.instances.public.offHours.leaveMessage');
    expect(problemOf(withInstance((i) => (i.public.offHours = { other: true }))).code).toBe('config.instances.public.offHours.other');
  });

  it('refuses a name used twice', () => {
    const twice = { instances: [VALID.instances[0], VALID.instances[0]] };
    expect(problemOf(twice).problems).toEqual([expect.stringContaining('is used twice')]);
  });

  it('reports a missing file and invalid JSON with their own codes', async () => {
    await expect(loadInstancesFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'config.file' });
    await writeFile(join(dir, 'broken.json'), '{ "instances": [');
    await expect(loadInstancesFile(join(dir, 'broken.json'))).rejects.toMatchObject({ code: 'config.json' });
  });

  it('names the whole path in the code even when an unknown field holds a ":"', () => {
    const error = problemOf(withInstance((instance) => (instance['a:b'] = 1)));
    expect(error.problems).toContain('instances[0].a:b: unknown field');
    expect(error.code).toBe('config.instances.a:b');
  });
});
