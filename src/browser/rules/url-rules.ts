import type { UrlRules } from './rules.types';

/** Answers "may this page offer the chat?" for one set of URL rules. */
export type UrlPredicate = (url: string | URL) => boolean;

/** `scheme://host` with nothing after it. */
const BARE_ORIGIN = /^[^:/?#]+:\/\/[^/?#]*$/;
const ORIGIN_PREFIX = /^[^:/?#]+:\/\/[^/?#]*/;

/** One character other than `/` (`?`). */
const ONE = 1;
/** Any run of characters other than `/` (`*`). */
const STAR = 2;
/** Any run of characters (`**`). */
const GLOBSTAR = 3;
/** `/` followed by the `GLOBSTAR` step after it, or nothing at all (a whole `/**` segment). */
const SLASH_OR_NOTHING = 4;

/** A glob as a list of steps: a string is one literal character. */
type Glob = (string | typeof ONE | typeof STAR | typeof GLOBSTAR | typeof SLASH_OR_NOTHING)[];

/**
 * Reads a glob: `*` is any run of characters within a path segment, `**` any run across segments
 * (`/help/**` also matches `/help` itself, and `/a/**` + `/b` also `/a/b`), `?` one character other than `/`;
 * every other character, regular-expression syntax included, matches itself.
 */
function parseGlob(pattern: string): Glob {
  const glob: Glob = [];
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i]!;
    if (char !== '*') {
      glob.push(char === '?' ? ONE : char);
      i++;
      continue;
    }
    let end = i;
    while (pattern[end] === '*') end++;
    if (end - i === 1) glob.push(STAR);
    else {
      if (pattern[i - 1] === '/' && (end === pattern.length || pattern[end] === '/')) glob[glob.length - 1] = SLASH_OR_NOTHING;
      glob.push(GLOBSTAR);
    }
    i = end;
  }
  return glob;
}

/** Steps that may match nothing, and how far they let the match skip ahead. */
function skipOver(glob: Glob, active: Uint8Array): void {
  for (let i = 0; i < glob.length; i++) {
    if (!active[i]) continue;
    const step = glob[i];
    if (step === STAR || step === GLOBSTAR) active[i + 1] = 1;
    else if (step === SLASH_OR_NOTHING) active[i + 2] = 1;
  }
}

/**
 * Whether `text` matches `glob`, by running every possible position in the glob at once: time grows with
 * the text length times the glob length, whatever the pattern (a backtracking regular expression can take
 * seconds on a pattern such as `/*a*a*a*a*a*a*b`).
 */
function globMatches(glob: Glob, text: string): boolean {
  let active = new Uint8Array(glob.length + 1);
  let next = new Uint8Array(glob.length + 1);
  active[0] = 1;
  skipOver(glob, active);
  for (let j = 0; j < text.length; j++) {
    const char = text[j];
    next.fill(0);
    let alive = false;
    for (let i = 0; i < glob.length; i++) {
      if (!active[i]) continue;
      const step = glob[i];
      let to = -1;
      if (step === GLOBSTAR || (step === STAR && char !== '/')) to = i;
      else if (step === char || (step === ONE && char !== '/') || (step === SLASH_OR_NOTHING && char === '/')) to = i + 1;
      if (to >= 0) {
        next[to] = 1;
        alive = true;
      }
    }
    if (!alive) return false;
    skipOver(glob, next);
    [active, next] = [next, active];
  }
  return active[glob.length] === 1;
}

/** A pattern, and whether it is matched against the path or against the full URL. */
interface CompiledPattern {
  path: boolean;
  glob: Glob;
}

function compilePattern(pattern: string): CompiledPattern {
  if (pattern.startsWith('/')) return { path: true, glob: parseGlob(pattern) };
  // The URL parser lowercases scheme and host and gives a bare origin the path "/": so do we.
  let full = pattern.replace(ORIGIN_PREFIX, (origin) => origin.toLowerCase());
  if (BARE_ORIGIN.test(full)) full += '/';
  return { path: false, glob: parseGlob(full) };
}

/** The strings a URL is matched as: its path, and `scheme://host/path`, each with and without the query. */
interface UrlTargets {
  paths: string[];
  full: string[];
}

function targetsOf(url: string | URL): UrlTargets {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    // Not an absolute URL: no pattern can match it.
    return { paths: [], full: [] };
  }
  const { pathname, search } = parsed;
  const paths = [pathname];
  if (pathname.includes('%')) {
    try {
      paths.push(decodeURI(pathname));
    } catch {
      // Malformed percent-encoding: match the encoded path only.
    }
  }
  if (search) paths.push(...paths.map((path) => path + search));
  const origin = `${parsed.protocol}//${parsed.host}`;
  return { paths, full: paths.map((path) => origin + path) };
}

function matchesAny(patterns: CompiledPattern[], targets: UrlTargets): boolean {
  return patterns.some(({ path, glob }) => (path ? targets.paths : targets.full).some((target) => globMatches(glob, target)));
}

/**
 * Compiles URL rules once into a predicate to call on every page view and route change.
 *
 * A pattern starting with `/` matches the URL's path; any other pattern matches the whole URL
 * (`scheme://host/path`). Either kind matches with or without the query string (`/search?q=*` and
 * `/search` both match `/search?q=chat`); the hash is never part of it. A percent-encoded path is also
 * tried decoded, so `/über` matches `/%C3%BCber`.
 *
 * No `include` means every page (an empty `include` means none); `exclude` wins over `include`. A URL
 * that is not absolute matches no pattern. Never throws, whatever the pattern and URL strings.
 */
export function compileUrlRules(rules: UrlRules | undefined): UrlPredicate {
  const include = rules?.include?.map(compilePattern);
  const exclude = (rules?.exclude ?? []).map(compilePattern);
  return (url) => {
    const targets = targetsOf(url);
    return (include === undefined || matchesAny(include, targets)) && !matchesAny(exclude, targets);
  };
}

const predicates = new WeakMap<UrlRules, UrlPredicate>();

/**
 * Whether `url` passes `rules` (see {@link compileUrlRules}). Compiles each rules object once and caches
 * it by identity: treat rules as immutable once used.
 */
export function urlAllowed(rules: UrlRules | undefined, url: string | URL): boolean {
  if (rules === undefined) return true;
  let predicate = predicates.get(rules);
  if (predicate === undefined) {
    predicate = compileUrlRules(rules);
    predicates.set(rules, predicate);
  }
  return predicate(url);
}
