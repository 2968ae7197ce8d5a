import { useEffect } from 'react';
import { useStore } from '../../store';

/** Applies the theme preference (system follows the OS through CSS); the menu's toggle is in menu-commands.ts. */
export function useTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const el = document.documentElement;
    if (theme === 'system') el.removeAttribute('data-theme');
    else el.setAttribute('data-theme', theme);
  }, [theme]);
}
