/** True only in the test build (`npm run build:e2e`); production code paths never see it set. */
declare const __E2E__: boolean;
