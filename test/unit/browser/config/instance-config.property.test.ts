import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePublicConfig, publicConfigProblems } from '../../../../src/browser/config/instance-config';
import { InvalidConfigError } from '../../../../src/browser/config/invalid-config-error';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';

/**
 * Properties of the public config validator over generated input (issue 9, item 2): it throws nothing but
 * InvalidConfigError, every problem starts with the path of a real place in the config and ": ", valid
 * configs pass, and an unknown field is always named, wherever it is and whatever it is called.
 */

/** `parsePublicConfig` as this test calls it: the page language is optional (and ignored where unsupported). */
const parse = parsePublicConfig as (value: unknown, expectedName?: string, pageLang?: string) => unknown;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TEXT_KEYS = Object.keys(DEFAULT_UI_TEXT);

// ---------------------------------------------------------------------------------------------------------
// Valid configs.

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const interval = fc
  .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ from: clock(Math.min(a, b) * 15), to: clock(Math.max(a, b) * 15) }));
const date = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((value) => value.toISOString().slice(0, 10));
const segment = fc.stringMatching(/^[a-z0-9*?._-]{1,8}$/);
const urlPattern = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  fc.constantFrom('/**', '/', 'https://www.example.com/**', '*://*/help/*'),
);
const nonBlank = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');

const rules = fc.record(
  {
    urls: fc.record({ include: fc.array(urlPattern, { maxLength: 3 }), exclude: fc.array(urlPattern, { maxLength: 3 }) }, { requiredKeys: [] }),
    schedule: fc.record(
      {
        timeZone: fc.constantFrom('UTC', 'Australia/Sydney', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'),
        weekly: fc.dictionary(fc.constantFrom(...WEEKDAYS), fc.array(interval, { maxLength: 3 }), { maxKeys: 7 }),
        holidays: fc.array(date, { maxLength: 4 }),
      },
      { requiredKeys: ['timeZone', 'weekly'] },
    ),
  },
  { requiredKeys: [] },
);

const preChatField = fc.record(
  {
    name: fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/),
    label: nonBlank,
    required: fc.boolean(),
    type: fc.constantFrom('text', 'email', 'tel'),
    maxLength: fc.integer({ min: 1, max: 1024 }),
  },
  { requiredKeys: ['name', 'label'] },
);

const validConfig = fc.record(
  {
    name: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    region: fc.constantFrom('ap-southeast-2', 'us-east-1', 'eu-west-2', 'ca-central-1', 'us-gov-west-1', 'af-south-1'),
    startChatUrl: fc.oneof(fc.constant('/api/chats'), fc.webUrl()),
    queueMarker: nonBlank,
    text: fc.dictionary(fc.constantFrom(...TEXT_KEYS), fc.string({ maxLength: 40 }), { maxKeys: 6 }),
    rules,
    preChat: fc.record({ fields: fc.array(preChatField, { minLength: 1, maxLength: 4 }) }),
  },
  { requiredKeys: ['name', 'region'] },
);

// ---------------------------------------------------------------------------------------------------------
// Hostile configs: any value, or a valid config with a few places changed to anything.

/** Object keys without ".", "[", "]", ":" or white space, so a problem's path can be read back unambiguously. */
const plainKey = fc.string({ unit: fc.constantFrom(...'abcxyzAZ09_-$é語😀'.split(/(?=[\s\S])/u)), minLength: 1, maxLength: 6 });
const anyValue = fc.anything({ key: plainKey, maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true });

type Json = Record<string, unknown> | unknown[];

/** Every object and array inside `value`, with its path segments (the root is `[]`). */
function containers(value: unknown, at: Array<string | number> = []): Array<{ node: Json; at: Array<string | number> }> {
  if (!Array.isArray(value) && Object.prototype.toString.call(value) !== '[object Object]') return [];
  const here = [{ node: value as Json, at }];
  const children = Array.isArray(value)
    ? value.flatMap((child, index) => containers(child, [...at, index]))
    : Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => containers(child, [...at, key]));
  return [...here, ...children];
}

/** Sets `key` as an own, enumerable property even when it is "__proto__". */
function define(node: Json, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
}

const edit = fc.record({ where: fc.nat(), key: fc.oneof(plainKey, fc.nat({ max: 4 })), value: anyValue, remove: fc.boolean() });

/** A valid config with up to three places replaced, removed or added. */
const mangledConfig = fc.tuple(validConfig, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([config, edits]) => {
  const copy = structuredClone(config) as Record<string, unknown>;
  for (const { where, key, value, remove } of edits) {
    const places = containers(copy);
    const { node } = places[where % places.length]!;
    const existing = Array.isArray(node) ? [...node.keys()] : Object.keys(node);
    const target = existing.length > 0 && typeof key === 'number' ? existing[key % existing.length]! : key;
    if (remove && !Array.isArray(node)) delete (node as Record<string, unknown>)[String(target)];
    else define(node, target, value);
  }
  return copy;
});

/** Anything, with keys a problem's path can be read back from. */
const hostile = fc.oneof(anyValue, mangledConfig);
/** Anything JSON, keys included ("", "a.b", "x: y", "__proto__", …). */
const hostileJson = fc.oneof(hostile, fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown));
const pageLang = fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('es', 'es-MX', 'he', 'x', '__proto__', 'zh-Hant-TW', 'EN-gb')), {
  nil: undefined,
});

// ---------------------------------------------------------------------------------------------------------

/** The path before a problem's first ": ", as segments; undefined when it is not a path. */
function pathOf(problem: string): Array<string | number> | undefined {
  const match = /^config((?:\.[^.[\]:\s]+|\[\d+\])*): \S/u.exec(problem);
  if (!match) return undefined;
  return [...match[1]!.matchAll(/\.([^.[\]:\s]+)|\[(\d+)\]/gu)].map(([, key, index]) => (index === undefined ? key! : Number(index)));
}

/** True when every segment but the last names an object or array that exists in `value`. */
function pointsIntoConfig(value: unknown, path: ReadonlyArray<string | number>): boolean {
  let node = value;
  for (const segment of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return path.length === 0 || (typeof node === 'object' && node !== null);
}

describe('the public config validator, over generated configs', () => {
  it('throws nothing but an InvalidConfigError that lists exactly the problems, the first one as code', () => {
    fc.assert(
      fc.property(hostileJson, fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), pageLang, (value, expectedName, lang) => {
        let thrown: unknown;
        try {
          parse(value, expectedName, lang);
        } catch (error) {
          thrown = error;
        }
        const problems = publicConfigProblems(value, 'config', expectedName);
        if (problems.length === 0) {
          expect(thrown).toBeUndefined();
          return;
        }
        expect(thrown).toBeInstanceOf(InvalidConfigError);
        const error = thrown as InvalidConfigError;
        expect(error.problems).toEqual(problems);
        const firstPath = problems[0]!.slice(0, problems[0]!.indexOf(': '));
        // codeOf cuts the code at the first ":", so it is exact only when no (unknown) field name holds one.
        if (!firstPath.includes(':')) expect(error.code).toBe(firstPath.replace(/\[\d+\]/g, ''));
        else expect(firstPath.replace(/\[\d+\]/g, '').startsWith(error.code)).toBe(true);
        for (const problem of problems) expect(error.message).toContain(problem);
      }),
      { numRuns: 800 },
    );
  });

  it('starts every problem with the path of a place in the config and ": "', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        for (const problem of publicConfigProblems(value)) {
          const path = pathOf(problem);
          expect(path, problem).toBeDefined();
          expect(pointsIntoConfig(value, path!), problem).toBe(true);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('roots every problem at the path it is given', () => {
    fc.assert(
      fc.property(hostileJson, fc.stringMatching(/^[a-z]{1,8}(\[\d\]\.[a-z]{1,8})?$/), (value, root) => {
        for (const problem of publicConfigProblems(value, root)) expect(problem.startsWith(`${root}`)).toBe(true);
      }),
    );
  });

  it('passes every valid config, filling in every UI string', () => {
    fc.assert(
      fc.property(validConfig, pageLang, (config, lang) => {
        expect(publicConfigProblems(config, 'config', config.name)).toEqual([]);
        const resolved = parse(config, config.name, lang) as { name: string; queueMarker: string; text: Record<string, unknown> };
        expect(resolved.name).toBe(config.name);
        expect(resolved.queueMarker).toBe(config.queueMarker ?? '[queued]');
        for (const key of TEXT_KEYS) expect(typeof resolved.text[key]).toBe('string');
        for (const [key, text] of Object.entries(config.text ?? {})) expect(resolved.text[key]).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  /** The objects whose fields are a fixed list, as paths into a valid config, with the fields they know. */
  const CLOSED_OBJECTS: Array<{ at: string[]; known: readonly string[] }> = [
    {
      at: [],
      known: ['name', 'region', 'startChatUrl', 'rules', 'queueMarker', 'text', 'preChat', 'lang', 'locales', 'theme', 'analytics'],
    },
    { at: ['text'], known: TEXT_KEYS },
    { at: ['rules'], known: ['urls', 'schedule'] },
    { at: ['rules', 'urls'], known: ['include', 'exclude'] },
    { at: ['rules', 'schedule'], known: ['timeZone', 'weekly', 'holidays'] },
    { at: ['preChat'], known: ['fields'] },
    { at: ['preChat', 'fields', '0'], known: ['name', 'label', 'required', 'type', 'maxLength'] },
  ];
  const strangeKey = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'NAME', 'name ', 'a.b', 'x: y', '[0]', '', '\u0000'),
  );

  it('names an unknown field wherever it is added and whatever it is called', () => {
    fc.assert(
      fc.property(
        validConfig,
        fc.constantFrom(...CLOSED_OBJECTS),
        strangeKey,
        anyValue,
        (config, { at, known }, key, value) => {
          fc.pre(!known.includes(key));
          const copy = structuredClone(config) as Record<string, unknown>;
          copy.text ??= {};
          copy.rules = { urls: {}, schedule: { timeZone: 'UTC', weekly: {} }, ...(copy.rules as object) };
          (copy.rules as Record<string, unknown>).urls ??= {};
          (copy.rules as Record<string, unknown>).schedule ??= { timeZone: 'UTC', weekly: {} };
          copy.preChat ??= { fields: [{ name: 'displayName', label: 'Name' }] };
          const node = at.reduce<Record<string, unknown>>((parent, segment) => parent[segment] as Record<string, unknown>, copy);
          define(node, key, value);
          const path = ['config', ...at.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))].join('').replace(/\.\[/g, '[');
          const problems = publicConfigProblems(copy);
          expect(problems.filter((problem) => problem.startsWith(`${path}.${key}: unknown field`))).toHaveLength(1);
          expect(() => parse(copy)).toThrow(InvalidConfigError);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reports an unknown weekday by name too', () => {
    fc.assert(
      fc.property(validConfig, strangeKey, (config, day) => {
        fc.pre(!(WEEKDAYS as readonly string[]).includes(day));
        const weekly = { mon: [{ from: '09:00', to: '17:00' }] };
        define(weekly as unknown as Json, day, []);
        const problems = publicConfigProblems({ ...config, rules: { schedule: { timeZone: 'UTC', weekly } } });
        expect(problems).toContain(`config.rules.schedule.weekly.${day}: unknown weekday (expected ${WEEKDAYS.join(', ')})`);
      }),
    );
  });
});
