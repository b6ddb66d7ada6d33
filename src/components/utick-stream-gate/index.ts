export * from './utick-stream-gate.js';
