export * from './utick-pack-list.js';
