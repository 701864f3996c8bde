/** The chunk stage's public API. */
export { chunkDocument, passageId, type ChunkOptions } from './chunk.js';
export { renderOutline } from './outline.js';
export { ChunkError, type ChunkErrorCode } from './errors.js';
