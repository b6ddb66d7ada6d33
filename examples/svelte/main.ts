import { mount } from 'svelte';
import App from './App.svelte';

const apiBase = new URLSearchParams(location.search).get('api') ?? '/mock/audienceview';
mount(App, { target: document.getElementById('app')!, props: { apiBase } });
