// Review pages: pure renderers plus the writers the CLI and batch call.
export { renderDocumentPage, type DocumentPageOptions } from './document-page.js';
export { renderIndexPage, type IndexRow, type IndexFailure } from './index-page.js';
export { writeReview, writeSingleReview, writeReviewIndex, collectReviewRows, reviewPagePath, type ReviewSource } from './write.js';
export { reviewRow, type ReviewRow } from './figures.js';
