// The task pane's entry: decide the mode, build its host, and render the app once.
import './strict-csp.js'; // first: configures zod before any schema is built
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import packageJson from '../../package.json';
import { App } from './components/App.js';
import { createExcelHost, officeThemeKind } from './excel-host.js';
import { HostProvider } from './host-context.js';
import { decideMode, type OfficeLike } from './mode.js';
import { OfficeUnavailable } from './OfficeUnavailable.js';
import { StartupError } from './StartupError.js';

const VERSION = packageJson.version;

/** Windows high contrast (and any forced-colors mode) wins over the Office theme: its colours are the user's. */
function forcedColors(): boolean {
  return window.matchMedia?.('(forced-colors: active)').matches === true;
}

function render(node: ReactNode, theme: 'light' | 'dark'): void {
  const container = document.getElementById('container');
  if (container === null) return;
  const fluent = forcedColors() ? teamsHighContrastTheme : theme === 'dark' ? webDarkTheme : webLightTheme;
  document.documentElement.style.colorScheme = theme;
  createRoot(container).render(
    <FluentProvider theme={fluent} applyStylesToPortals>
      {node}
    </FluentProvider>,
  );
}

function officeGlobal(): (OfficeLike & { context?: { officeTheme?: { bodyBackgroundColor?: string }; document?: { url?: string } } }) | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

function documentLabel(url: string | undefined): string {
  const name = (url ?? '').split(/[\\/]/).pop() ?? '';
  return name === '' ? 'This workbook' : decodeURIComponent(name);
}

async function start(): Promise<void> {
  const office = officeGlobal();
  const decision = await decideMode(window.location.search, document.documentElement.dataset.mode, office);
  const mode = decision.mode;
  if (mode === 'no-office') {
    const theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches === true ? 'dark' : 'light';
    render(<OfficeUnavailable reason={decision.reason ?? 'office-js-missing'} />, theme);
    return;
  }
  if (mode === 'excel') {
    const theme = officeThemeKind(office?.context?.officeTheme?.bodyBackgroundColor);
    const host = createExcelHost({ label: documentLabel(office?.context?.document?.url), theme });
    render(
      <HostProvider host={host}>
        <App version={VERSION} />
      </HostProvider>,
      theme,
    );
    return;
  }
  const theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches === true ? 'dark' : 'light';
  try {
    // exceljs and the preview's view load only in preview mode.
    const { startPreview } = await import(/* webpackChunkName: "preview" */ './preview/start-preview.js');
    render(await startPreview({ theme, version: VERSION }), theme);
  } catch (e) {
    render(<StartupError message={e instanceof Error ? e.message : String(e)} />, theme);
  }
}

void start();
