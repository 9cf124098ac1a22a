import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carouselReply, clip, parseTemplate, TEMPLATE_LIMITS } from '../../../../../src/browser/ui/content/interactive-template';

const template = (templateType: string, content: unknown, extra: object = {}) => JSON.stringify({ templateType, version: '1.0', data: { content }, ...extra });

describe('parseTemplate', () => {
  it('reads a ListPicker: title, subtitle, https images with their description, options and hyperlink elements', () => {
    const parsed = parseTemplate(
      template('ListPicker', {
        title: 'Which department?', subtitle: 'Tap to select option',
        imageType: 'URL', imageData: 'https://cdn.example/company.jpg', imageDescription: 'Our logo',
        elements: [
          { title: 'Billing', subtitle: 'Invoices', imageType: 'URL', imageData: 'https://cdn.example/billing.jpg' },
          { title: 'Help centre', type: 'hyperlink', url: 'https://help.example/' },
          { title: 'Tracking pixel', imageData: 'http://tracker.example/p.gif' },
          { subtitle: 'no title: dropped' },
        ],
        unknownField: '<script>',
      }),
    );
    expect(parsed).toEqual({
      template: { templateType: 'ListPicker', version: '1.0', data: { content: {
        title: 'Which department?', subtitle: 'Tap to select option', image: { url: 'https://cdn.example/company.jpg', alt: 'Our logo' },
        elements: [
          { title: 'Billing', subtitle: 'Invoices', image: { url: 'https://cdn.example/billing.jpg', alt: '' } },
          { title: 'Help centre', url: 'https://help.example/' },
          { title: 'Tracking pixel' },
        ],
      } } },
      text: 'Which department?',
      truncated: false,
    });
  });

  it('drops hyperlink elements and images with forbidden or non-https URLs', () => {
    const parsed = parseTemplate(template('Panel', { title: 'T', imageData: 'data:image/png;base64,AAAA', elements: [
      { title: 'Evil', type: 'hyperlink', url: 'javascript:alert(1)' },
      { title: 'Img', imageData: 'javascript:alert(1)' },
    ] }));
    expect(parsed?.template.data.content).toEqual({ title: 'T', elements: [{ title: 'Evil' }, { title: 'Img' }] });
  });

  it('reads a TimePicker, dropping slots without a valid date', () => {
    const parsed = parseTemplate(template('TimePicker', { title: 'Schedule', timeZoneOffset: 0, timeslots: [
      { date: '2026-10-31T18:00+00:00', duration: 60 }, { date: 'soon' }, { date: 5 }, { date: '2026-11-01T09:30+00:00' },
    ] }));
    expect(parsed?.template.data.content).toEqual({ title: 'Schedule', timeslots: [{ date: '2026-10-31T18:00+00:00', duration: 60 }, { date: '2026-11-01T09:30+00:00' }] });
  });

  it('reads a Carousel of ListPicker and Panel cards with their identifiers, and says its first card when it has no title', () => {
    const card = (id: string, title: string) => ({ templateType: 'Panel', templateIdentifier: id, version: '1.0', data: { content: { title, elements: [{ title: 'Book' }] } } });
    const parsed = parseTemplate(template('Carousel', { elements: [card('t0', 'California'), card('t1', 'Oregon'), { templateType: 'Carousel', data: { content: {} } }] }));
    expect(parsed?.template.data.content).toEqual({
      title: '',
      cards: [
        { templateIdentifier: 't0', templateType: 'Panel', content: { title: 'California', elements: [{ title: 'Book' }] } },
        { templateIdentifier: 't1', templateType: 'Panel', content: { title: 'Oregon', elements: [{ title: 'Book' }] } },
      ],
    });
    expect(parsed?.text).toBe('California');
  });

  it('says an untitled card in its subtitle or its options', () => {
    expect(parseTemplate(template('Panel', { subtitle: 'Pick one', elements: [{ title: 'A' }] }))?.text).toBe('Pick one');
    expect(parseTemplate(template('QuickReply', { elements: [{ title: 'Yes' }, { title: 'No' }] }))?.text).toBe('Yes, No');
    expect(parseTemplate(template('ViewResource', { viewToken: 'x' }))?.text).toBe('');
  });

  it('keeps the title and subtitle of a template it does not draw (ViewResource)', () => {
    const parsed = parseTemplate(template('ViewResource', { title: 'Your guide', viewId: 'v', viewToken: 'secret', viewData: { a: 1 } }));
    expect(parsed).toEqual({ template: { templateType: 'ViewResource', version: '1.0', data: { content: { title: 'Your guide', elements: [] } } }, text: 'Your guide', truncated: false });
  });

  it.each([['not json'], ['[]'], ['null'], ['{"version":"1.0"}'], [JSON.stringify({ templateType: 7 })], [`{"templateType":"Panel","pad":"${'x'.repeat(TEMPLATE_LIMITS.templateChars)}"}`]])(
    'refuses %s (over 20 KB, not JSON, no template type)',
    (json) => expect(parseTemplate(json.slice(0, 30_000))).toBeUndefined(),
  );

  it('marks a template truncated when a field or a list is over the limits, keeping the title whole for the reply', () => {
    const long = 'x'.repeat(500);
    const parsed = parseTemplate(template('ListPicker', { title: long, elements: Array.from({ length: 12 }, (_, i) => ({ title: i ? `o${i}` : long })) }));
    const content = parsed!.template.data.content as { title: string; elements: { title: string }[] };
    expect(parsed!.truncated).toBe(true);
    expect(content.title).toHaveLength(TEMPLATE_LIMITS.titleChars);
    expect(content.elements).toHaveLength(TEMPLATE_LIMITS.elements);
    expect(content.elements[0]!.title).toBe(long);
  });

  it('holds QuickReply options to 200 characters on screen', () => {
    const parsed = parseTemplate(template('QuickReply', { title: 'Rate us', elements: [{ title: 'y'.repeat(201) }, { title: 'Bad' }] }));
    expect(parsed!.truncated).toBe(true);
    expect(parseTemplate(template('QuickReply', { title: 'Rate us', elements: [{ title: 'y'.repeat(200) }, { title: 'Bad' }] }))!.truncated).toBe(false);
  });
});

describe('parseTemplate on anything', () => {
  const urls = fc.constantFrom('https://cdn.example/a.png', 'http://cdn.example/a.png', 'javascript:alert(1)', 'data:image/png;base64,AA', '//cdn.example/a', 'mailto:a@b.c');
  const element = fc.record({ title: fc.oneof(fc.string(), fc.integer()), type: fc.constantFrom('hyperlink', undefined), url: urls, imageData: urls, subtitle: fc.anything() }, { requiredKeys: [] });
  const content = fc.record({ title: fc.oneof(fc.string(), fc.anything()), imageData: urls, elements: fc.oneof(fc.array(element), fc.anything()), timeslots: fc.anything() }, { requiredKeys: [] });
  const templateType = fc.constantFrom('ListPicker', 'Panel', 'QuickReply', 'TimePicker', 'Carousel', 'ViewResource', 'Other');

  it('never throws, and keeps only https pictures and safe links', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.record({ templateType, version: fc.anything(), data: fc.record({ content }) }).map((t) => JSON.stringify(t))), (json) => {
        const parsed = parseTemplate(json);
        const seen = JSON.stringify(parsed?.template ?? {});
        for (const [, url] of seen.matchAll(/"image":\{"url":"([^"]*)"/g)) expect(url).toMatch(/^https:\/\/./);
        for (const [, url] of seen.matchAll(/"url":"([^"]*)"/g)) expect(url).toMatch(/^(https?:\/\/.|mailto:)/);
        expect(seen).not.toMatch(/javascript:|data:/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('replies', () => {
  it('sends a Carousel pick as the JSON Amazon Connect expects', () => {
    expect(JSON.parse(carouselReply('template0', 'California', 'Book flights'))).toEqual({ templateIdentifier: 'template0', listTitle: 'California', selectionText: 'Book flights' });
    expect(carouselReply('t', 'A "quoted" title', 'x')).toBe('{"templateIdentifier":"t","listTitle":"A \\"quoted\\" title","selectionText":"x"}');
  });

  it('clips long text with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abcd', 4)).toBe('abcd');
  });
});
