export * from './ticket-scanner.js';
