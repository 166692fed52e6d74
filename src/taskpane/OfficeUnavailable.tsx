/**
 * What taskpane.html shows when it is not running inside Excel: Office could not be loaded, what
 * to check, and how to open the preview on purpose. It never shows sample data in its place.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { NoOfficeReason } from './mode.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    minHeight: '100vh',
    boxSizing: 'border-box',
    overflowWrap: 'break-word',
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0 },
});

const WHY: Record<NoOfficeReason, string> = {
  'office-js-missing': 'office.js, the script Excel needs to talk to an add-in, did not load.',
  'on-ready-timeout': 'office.js loaded, but Office did not answer within 10 seconds.',
  'not-excel': 'This page is not running inside Excel (it was opened in a browser, or in another Office application).',
};

export interface OfficeUnavailableProps {
  readonly reason: NoOfficeReason;
}

export function OfficeUnavailable({ reason }: OfficeUnavailableProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>PERM Recon</h1>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Office could not be loaded</MessageBarTitle>
          {WHY[reason]} Nothing was read from or written to any workbook.
        </MessageBarBody>
      </MessageBar>
      <h2 className={styles.heading}>What to check</h2>
      <ul className={styles.list}>
        <li>Open the add-in from Excel (Home &gt; PERM Recon), not by its address in a browser.</li>
        <li>
          Your network must reach appsforoffice.microsoft.com, where Microsoft serves office.js; a proxy or firewall
          that blocks it stops every Office add-in. Ask your IT staff to allow it.
        </li>
        <li>Close the pane and open it again, or restart Excel.</li>
      </ul>
      <h2 className={styles.heading}>Trying it without Excel</h2>
      <p className={styles.p}>
        The preview runs the same pane in a browser over a made-up sample workbook (or an .xlsx file you open there):{' '}
        <Link href="preview.html">open the preview</Link>. Its data is fictional and is never shown here.
      </p>
    </main>
  );
}
