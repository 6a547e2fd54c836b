// A Vue admin page with the billing elements: the standalone file defines them, Vue renders the tags.
import '@saiku/billing-react/standalone';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
