export * from './vista-ticket-redemption.js';
