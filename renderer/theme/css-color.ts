/**
 * Canvas and exported images need concrete colours, but the theme's variables hold `light-dark(…)`
 * expressions that only the style engine resolves. A hidden probe element takes the colour as its own
 * `color`; the computed value is then a plain rgb() for the current theme.
 */
export function resolveCssColor(color: string, within: Element = document.documentElement): string {
  if (!color.includes('var(') && !color.includes('light-dark(')) return color;
  const probe = document.createElement('span');
  probe.style.display = 'none';
  probe.style.color = color;
  within.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved || '#888';
}

/** The current value of a theme variable as a concrete colour. */
export const cssVarColor = (name: string, within?: Element): string => resolveCssColor(`var(${name})`, within);
