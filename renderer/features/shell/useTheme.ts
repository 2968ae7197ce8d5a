import { useEffect } from 'react';
import { bridge } from '../../bridge';
import { useStore } from '../../store';

/** Applies the theme preference (system follows the OS through CSS) and the menu's toggle command. */
export function useTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const el = document.documentElement;
    if (theme === 'system') el.removeAttribute('data-theme');
    else el.setAttribute('data-theme', theme);
  }, [theme]);
  useEffect(
    () =>
      bridge.on('menu.command', ({ command }) => {
        if (command !== 'toggle-theme') return;
        const { theme: t, setTheme } = useStore.getState();
        const dark = t === 'dark' || (t === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
        setTheme(dark ? 'light' : 'dark');
      }),
    [],
  );
}
