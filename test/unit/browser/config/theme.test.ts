import { describe, expect, it } from 'vitest';
import { isSafeColour, themeProblems, themeStyle } from '../../../../src/browser/config/theme';

describe('theme colours', () => {
  it('accepts the CSS colours a brand uses', () => {
    for (const colour of [
      '#0b57d0', '#FFF', '#0b57d0cc', 'navy', 'transparent', 'rgb(11 87 208)', 'rgba(11, 87, 208, 0.9)', 'hsl(220 90% 43%)',
      'oklch(0.5 0.2 260)', 'color-mix(in srgb, #0b57d0 80%, white)', 'var(--brand-blue)', 'var(--brand, #123456)',
    ]) {
      expect(isSafeColour(colour), colour).toBe(true);
    }
  });

  it('refuses anything that could break out of a declaration or fetch something', () => {
    for (const colour of [
      'red; background: url(https://evil.example/x)', 'red}', '{', 'red !important', 'url(https://evil.example/x)',
      'expression(alert(1))', 'rgb(1 2 3', 'rgb(1 2 3))', '"red"', 'red\\3b', 'red /* */', '#12', '#zzzzzz',
      'image(red)', '<style>', 'a'.repeat(121), '',
    ]) {
      expect(isSafeColour(colour), colour).toBe(false);
    }
  });
});

describe('theme validation', () => {
  it('accepts a full theme', () => {
    expect(
      themeProblems(
        { accent: '#7a1fa2', accentText: '#fff', background: '#111', text: '#eee', radius: '0.5rem', font: '"Open Sans", Arial, sans-serif', position: 'bottom-left' },
        'config.theme',
      ),
    ).toEqual([]);
  });

  it('names every bad field', () => {
    expect(themeProblems({ accent: 'red; x: y', radius: '8px 8px', font: 'Arial; color: red', position: 'top-left', shadow: 'big' }, 'config.theme')).toEqual([
      'config.theme.shadow: unknown field (expected accent, accentText, background, text, radius, font, position)',
      'config.theme.accent: expected a CSS colour such as "#0b57d0", "rgb(11 87 208)" or "navy"',
      'config.theme.radius: expected one length such as "8px", "0.5rem" or "0"',
      'config.theme.font: expected a font-family list such as "Inter, system-ui, sans-serif"',
      'config.theme.position: expected "bottom-right" or "bottom-left"',
    ]);
    expect(themeProblems({ font: '"Open Sans' }, 'config.theme')).toHaveLength(1);
    expect(themeProblems('dark', 'config.theme')).toEqual(['config.theme: expected an object']);
  });
});

describe('theme style on the host elements', () => {
  it('maps each field to the custom property the launcher and the panel read', () => {
    expect(themeStyle({ accent: '#7a1fa2', accentText: '#fff', background: '#111', text: '#eee', radius: '4px', font: 'Inter, sans-serif' })).toEqual({
      '--cw-accent': '#7a1fa2',
      '--cw-accent-text': '#fff',
      '--cw-bg': '#111',
      '--cw-text': '#eee',
      '--cw-radius': '4px',
      '--cw-font': 'Inter, sans-serif',
    });
  });

  it('pins a chosen corner physically, and leaves the default to the page’s direction', () => {
    expect(themeStyle({ position: 'bottom-left' })).toEqual({ left: '20px', right: 'auto' });
    expect(themeStyle({ position: 'bottom-right' })).toEqual({ right: '20px', left: 'auto' });
    expect(themeStyle({})).toEqual({});
    expect(themeStyle()).toEqual({});
  });
});
