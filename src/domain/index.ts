// The domain model in one place: every schema and inferred type the product uses.
export * from './common.js';
export * from './taxonomy.js';
export * from './council.js';
export * from './source.js';
export * from './offer.js';
export * from './inspection.js';
export * from './crawl.js';
export * from './platforms.js';
export * from './classification.js';
export * from './scoring-data.js';
export * from './reference-bundle.js';
export * from './errors.js';
export * from './urls.js';
export * from './offer-changes.js';
