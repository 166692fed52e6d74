/** Renders the task pane over a host, as index.tsx does. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App.js';
import type { WorkbookHost } from '../../src/taskpane/host.js';
import { HostProvider } from '../../src/taskpane/host-context.js';

export function renderApp(host: WorkbookHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host}>
        <App version="0.0.0-test" />
      </HostProvider>
    </FluentProvider>,
  );
}
