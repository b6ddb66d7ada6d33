export * from './vista-member-login.js';
