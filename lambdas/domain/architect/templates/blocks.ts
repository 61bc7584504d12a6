import { staticSource } from './static-sources';

/**
 * Notion-style blocks for the notes kind under the NOTION theme: each line of a page is a block
 * written in the shorthand Notion itself accepts (# heading, - bullet, [ ] to-do, > quote, ---).
 */

export const BLOCKS_MODULE = staticSource('blocks/blocks-module.js');

export const BLOCKS_TEST = staticSource('blocks/blocks-test.js');
