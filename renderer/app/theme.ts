import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const LATIN_FIRST = "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif";

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons above 4.5:1 (WCAG AA).
  primaryShade: 8,
  fontFamily: LATIN_FIRST,
  headings: { fontFamily: LATIN_FIRST, fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Modal: { defaultProps: { centered: true, radius: 'lg', padding: 'xl' } },
    // One label size on every form, whatever the size of the field (md text fields, sm selects).
    InputWrapper: {
      styles: {
        label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, marginBottom: 2 },
        description: { fontSize: 'var(--mantine-font-size-xs)' },
      },
    },
    // Mantine's placeholder is a focusable role="presentation" div inside role="menu":
    // focus landed on nothing nameable and axe fails the menu (aria-required-children).
    // Without it, opening focuses the first item, as the ARIA menu button pattern asks.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});

/**
 * Text of a destructive menu item (as `c`, not `color`): Mantine's `color="red"` draws
 * red.6, 3.3:1 on white; red.9 is 5.5:1, and 4.9:1 on the grey of a hovered item.
 */
export const DANGER_TEXT = 'red.9';

/**
 * Text on light tints (alerts, badges) at 4.5:1 or more: Mantine's shade 9 is enough
 * for most colours; green, teal, orange and yellow need a deeper tone of their own.
 */
const LIGHT_TEXT: Record<string, string> = {
  indigo: 'var(--mantine-color-indigo-9)',
  blue: 'var(--mantine-color-blue-9)',
  violet: 'var(--mantine-color-violet-9)',
  grape: 'var(--mantine-color-grape-9)',
  red: 'var(--mantine-color-red-9)',
  gray: 'var(--mantine-color-gray-9)',
  cyan: 'var(--mantine-color-cyan-9)',
  green: '#1e6b30',
  teal: '#056148',
  orange: '#a83a00',
  yellow: '#7a5200',
};

/** Darker text where Mantine's defaults fall under 4.5:1 on white or on light tints. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([color, value]) => [`--mantine-color-${color}-light-color`, value])),
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([color, value]) => [`--mantine-color-${color}-outline`, value])),
  },
  dark: {},
});
