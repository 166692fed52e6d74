/** What the pane shows when it cannot start (the preview's sample could not be loaded). */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface StartupErrorProps {
  readonly message: string;
}

export function StartupError({ message }: StartupErrorProps) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>PERM Recon could not start</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
