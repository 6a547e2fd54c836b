// The Vite config Storybook builds with (see main.ts): React only, none of the library-build settings.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
});
