// Placeholder entry for the task pane bundle until the React task pane replaces it.
import { createRoot } from 'react-dom/client';

const container = document.getElementById('container');
if (container !== null) createRoot(container).render(<p>PERM Recon</p>);
