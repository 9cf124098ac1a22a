import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UrlRules } from '../../../../src/browser/config/instance-config.types';
import { compileUrlRules, urlAllowed } from '../../../../src/browser/rules/url-rules';

const site = (path: string) => `https://shop.example.com${path}`;

/** Which of `paths` (on the example site) the rules allow. */
function allowedPaths(rules: UrlRules, paths: string[]): string[] {
  return paths.filter((path) => urlAllowed(rules, site(path)));
}

describe('urlAllowed', () => {
  it('allows every page without rules, without include, or with only an empty exclude', () => {
    expect(urlAllowed(undefined, site('/anything'))).toBe(true);
    expect(urlAllowed({}, site('/anything'))).toBe(true);
    expect(urlAllowed({ exclude: [] }, site('/anything'))).toBe(true);
  });

  it('allows no page with an empty include list', () => {
    expect(urlAllowed({ include: [] }, site('/'))).toBe(false);
  });

  it('lets exclude win over include', () => {
    const rules = { include: ['/**'], exclude: ['/checkout/**'] };
    expect(allowedPaths(rules, ['/', '/help', '/checkout', '/checkout/pay', '/checkouts'])).toEqual(['/', '/help', '/checkouts']);
  });

  it('matches "*" within one path segment only', () => {
    const rules = { include: ['/products/*'] };
    expect(allowedPaths(rules, ['/products/shoes', '/products/', '/products/shoes/red', '/products'])).toEqual([
      '/products/shoes',
      '/products/',
    ]);
  });

  it('matches "*" as part of a segment', () => {
    expect(allowedPaths({ include: ['/docs/v*/intro'] }, ['/docs/v2/intro', '/docs/v2.1/intro', '/docs/2/intro'])).toEqual([
      '/docs/v2/intro',
      '/docs/v2.1/intro',
    ]);
  });

  it('matches "/help/**" at /help, /help/ and any depth below, but not /helpdesk', () => {
    expect(allowedPaths({ include: ['/help/**'] }, ['/help', '/help/', '/help/a', '/help/a/b/c', '/helpdesk', '/'])).toEqual([
      '/help',
      '/help/',
      '/help/a',
      '/help/a/b/c',
    ]);
  });

  it('lets a "**" segment in the middle stand for no segment or many', () => {
    expect(allowedPaths({ include: ['/a/**/z'] }, ['/a/z', '/a/b/z', '/a/b/c/z', '/a/bz', '/a/b/c'])).toEqual([
      '/a/z',
      '/a/b/z',
      '/a/b/c/z',
    ]);
  });

  it('matches "**" inside a segment across slashes', () => {
    expect(allowedPaths({ include: ['/a**z'] }, ['/az', '/a/b/z', '/abz', '/a/b'])).toEqual(['/az', '/a/b/z', '/abz']);
  });

  it('matches "?" as exactly one character other than "/"', () => {
    expect(allowedPaths({ include: ['/p?ge'] }, ['/page', '/pAge', '/pge', '/paage', '/p/ge'])).toEqual(['/page', '/pAge']);
  });

  it('matches regular-expression characters in patterns literally', () => {
    expect(allowedPaths({ include: ['/a.b'] }, ['/a.b', '/axb'])).toEqual(['/a.b']);
    expect(allowedPaths({ include: ['/c++/(beta)'] }, ['/c++/(beta)', '/cc/beta', '/c/beta'])).toEqual(['/c++/(beta)']);
    expect(allowedPaths({ include: ['/[x]|$^+{1}\\'] }, ['/[x]|$^+{1}\\', '/x'])).toEqual([]);
    expect(urlAllowed({ include: ['/[x]|$+'] }, site('/[x]|$+'))).toBe(true);
    expect(urlAllowed({ include: ['/[x]|$+'] }, site('/x'))).toBe(false);
  });

  it('matches a path pattern against the decoded path too', () => {
    expect(urlAllowed({ include: ['/über/**'] }, site('/%C3%BCber/faq'))).toBe(true);
    expect(urlAllowed({ include: ['/a b'] }, site('/a%20b'))).toBe(true);
    expect(urlAllowed({ include: ['/%E0%A4%A'] }, site('/%E0%A4%A'))).toBe(true);
  });

  it('matches full-URL patterns against scheme, host and path', () => {
    const rules = { include: ['https://shop.example.com/**'] };
    expect(urlAllowed(rules, 'https://shop.example.com/cart')).toBe(true);
    expect(urlAllowed(rules, 'https://shop.example.com')).toBe(true);
    expect(urlAllowed(rules, 'http://shop.example.com/cart')).toBe(false);
    expect(urlAllowed(rules, 'https://example.com/cart')).toBe(false);
    expect(urlAllowed(rules, 'https://shop.example.com.evil.test/cart')).toBe(false);
  });

  it('matches a "*" in a full-URL host within the host only', () => {
    const rules = { include: ['https://*.example.com/help/**'] };
    expect(urlAllowed(rules, 'https://shop.example.com/help/a')).toBe(true);
    expect(urlAllowed(rules, 'https://example.com/help/a')).toBe(false);
    expect(urlAllowed(rules, 'https://evil.test/x.example.com/help/a')).toBe(false);
  });

  it('matches a bare origin pattern at the home page only, ignoring the case of scheme and host', () => {
    const rules = { include: ['HTTPS://Shop.Example.com'] };
    expect(urlAllowed(rules, 'https://shop.example.com/')).toBe(true);
    expect(urlAllowed(rules, 'https://shop.example.com/cart')).toBe(false);
  });

  it('matches a pattern with or without the query string', () => {
    expect(urlAllowed({ include: ['https://shop.example.com/search'] }, site('/search?q=shoes'))).toBe(true);
    expect(urlAllowed({ include: ['/search'] }, site('/search?q=shoes'))).toBe(true);
    expect(urlAllowed({ include: ['https://shop.example.com/search?q=*'] }, site('/search?q=shoes'))).toBe(true);
    expect(urlAllowed({ include: ['/search?q=shoes'] }, site('/search?q=shoes'))).toBe(true);
    expect(urlAllowed({ include: ['/search?q=shoes'] }, site('/search?q=hats'))).toBe(false);
    expect(urlAllowed({ include: ['/search?q=shoes'] }, site('/search'))).toBe(false);
  });

  it('matches "*" in a query within one segment, and "**" across "/"', () => {
    expect(urlAllowed({ include: ['/login?next=*'] }, site('/login?next=/account/orders'))).toBe(false);
    expect(urlAllowed({ include: ['/login?next=**'] }, site('/login?next=/account/orders'))).toBe(true);
  });

  it('excludes by query string', () => {
    const rules = { exclude: ['/**?*preview=1*'] };
    expect(urlAllowed(rules, site('/blog/post?preview=1'))).toBe(false);
    expect(urlAllowed(rules, site('/blog/post?x=2&preview=1'))).toBe(false);
    expect(urlAllowed(rules, site('/blog/post'))).toBe(true);
  });

  it('ignores the hash', () => {
    expect(urlAllowed({ include: ['/faq'] }, site('/faq#shipping'))).toBe(true);
    expect(urlAllowed({ include: ['https://shop.example.com/faq'] }, site('/faq?x=1#shipping'))).toBe(true);
    expect(urlAllowed({ exclude: ['/faq'] }, site('/faq#shipping'))).toBe(false);
  });

  it('accepts URL objects', () => {
    expect(urlAllowed({ include: ['/help/**'] }, new URL(site('/help/a')))).toBe(true);
  });

  it('matches no pattern for a URL that is not absolute', () => {
    expect(urlAllowed({ include: ['/**'] }, '/help')).toBe(false);
    expect(urlAllowed({ exclude: ['/**'] }, 'not a url')).toBe(true);
  });

  it('returns the same answers from a compiled predicate as from urlAllowed', () => {
    const rules = { include: ['/help/**', 'https://shop.example.com/faq'], exclude: ['/help/internal/**'] };
    const allowed = compileUrlRules(rules);
    for (const path of ['/help', '/help/internal/x', '/faq', '/cart']) {
      expect(allowed(site(path))).toBe(urlAllowed(rules, site(path)));
    }
    expect(compileUrlRules(undefined)(site('/x'))).toBe(true);
  });

  it('takes linear time on patterns that make backtracking regular expressions take seconds', () => {
    const started = performance.now();
    expect(urlAllowed({ include: ['/*a*a*a*a*a*a*a*a*b'] }, site(`/${'a'.repeat(200)}`))).toBe(false);
    expect(urlAllowed({ include: ['/*?*?*?*?*?*?*?*?x'] }, site(`/${'a'.repeat(200)}`))).toBe(false);
    expect(urlAllowed({ include: ['/**a**a**a**a**a**b'] }, site(`/${'a/'.repeat(200)}`))).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('matches paths exactly as the equivalent regular expression does', () => {
    /** The glob semantics written as a (backtracking) regular expression, for short inputs only. */
    function reference(glob: string): RegExp {
      const source = glob
        .replace(/[.+^${}()|[\]\\-]/g, '\\$&')
        .replace(/\/\*\*+(?=\/|$)/g, '\u0000')
        .replace(/\*\*+/g, '\u0001')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/\u0000/g, '(?:/[^]*)?')
        .replace(/\u0001/g, '[^]*');
      return new RegExp(`^${source}$`);
    }
    const path = (chars: string[], maxLength: number) =>
      fc.string({ unit: fc.constantFrom(...chars), maxLength }).map((text) => `/${text}`);
    fc.assert(
      fc.property(path(['a', 'b', '/', '*', '?', '-'], 8), path(['a', 'b', '/', '-'], 12), (glob, text) => {
        expect(urlAllowed({ include: [glob] }, site(text))).toBe(reference(glob).test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever the patterns and the URL', () => {
    const pattern = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('*', '?', '/', '.', '\\', '[', '(', '%', 'a', '#', ':') }));
    fc.assert(
      fc.property(
        fc.option(fc.array(pattern), { nil: undefined }),
        fc.option(fc.array(pattern), { nil: undefined }),
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (include, exclude, url) => {
          expect(typeof urlAllowed({ include, exclude }, url)).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('allows every web URL by default and with include "/**" or "**"', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(urlAllowed({}, url)).toBe(true);
        expect(urlAllowed({ include: ['/**'] }, url)).toBe(true);
        expect(urlAllowed({ include: ['**'] }, url)).toBe(true);
      }),
    );
  });
});
