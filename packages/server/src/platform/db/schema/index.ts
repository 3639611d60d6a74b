export * from './clinic.js';
export * from './identity.js';
export * from './audit.js';
export * from './patients.js';
