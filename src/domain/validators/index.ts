export * from './idNumber.js';
export * from './uscc.js';
export * from './regionCode.js';
export * from './schoolCode.js';
export * from './mobile.js';
export * from './password.js';
