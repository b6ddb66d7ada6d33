/**
 * Every element in one module: `<script type="module" src="…/all.js">` defines all eight tags.
 * Each element module defines its tag only if it is not defined yet, so this may share a page
 * with the per-element modules, or with another copy of the package.
 */
export * from './components/av-calendar/index.js';
export * from './components/av-series-list/index.js';
export * from './components/av-event-list/index.js';
export * from './components/ticket-scanner/index.js';
export * from './components/vista-member-login/index.js';
export * from './components/vista-ticket-redemption/index.js';
export * from './components/utick-stream-gate/index.js';
export * from './components/utick-pack-list/index.js';
