import { createApp } from 'vue';
import App from './App.vue';

const apiBase = new URLSearchParams(location.search).get('api') ?? '/mock/audienceview';
createApp(App, { apiBase }).mount('#app');
