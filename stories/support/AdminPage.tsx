// The demo's admin page itself (demo/AdminPage.tsx), in the demo's shell, under the provider the story
// decorator supplies (the demo's own App would navigate for real). host.css draws the shell with the
// library's theme variables, so it follows the Theme toolbar.
import { AdminPage as DemoAdminPage } from '../../demo/AdminPage';
import './host.css';

export { Forecast } from '../../demo/AdminPage';

export function AdminPage() {
  return (
    <div className="demo-shell">
      <DemoAdminPage />
    </div>
  );
}
