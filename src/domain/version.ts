// Versions the product reports (/-/version, pack manifests). A test keeps APP_VERSION equal to package.json's.
export const APP_VERSION = '0.1.0';
export const CURATED_FORMAT = 'sbb-curated/1';
