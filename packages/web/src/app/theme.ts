import { createTheme } from '@mantine/core';

/** Lantern's look: calm indigo, system fonts (the CSP allows no font CDNs), comfortable touch targets. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    Badge: { styles: { root: { textTransform: 'none' } } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // Every control needs a name: the icon-only close button included.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } }, styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
  },
});
