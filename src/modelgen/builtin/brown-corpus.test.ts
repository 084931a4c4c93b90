// Pure parsing of the tagged Brown format, on a hand-written excerpt in that format.
import { describe, expect, it } from 'vitest';
import { parseBrownCategories, parseBrownDocument } from './brown-corpus.ts';

const EXCERPT = [
  '',
  '',
  "\tThe/at jury/nn said/vbd ``/`` it/pps did/dod not/* find/vb ''/'' any/dti irregularities/nns ./.",
  '',
  '',
  "\tAtlanta's/np$ mayor/nn (/( Ivan/np Allen/np )/) --/-- won/vbd ./.",
  'Was/bedz it/pps fair/jj ?/. ?/. Yes/rb ;/. ;/. no/rb !/. !/.',
  '',
].join('\n');

describe('parseBrownDocument', () => {
  it('keeps words and sentence punctuation once, drops tags, quotes, brackets and dashes', () => {
    const doc = parseBrownDocument('ca01', 'news', EXCERPT);
    expect(doc).toEqual({
      id: 'ca01',
      category: 'news',
      paragraphs: [
        'The jury said it did not find any irregularities .',
        "Atlanta's mayor Ivan Allen won . Was it fair ? Yes ; no !",
      ],
    });
  });

  it('reads the genre list', () => {
    expect(parseBrownCategories('ca01 news\ncb02 editorial\n\n')).toEqual(
      new Map([
        ['ca01', 'news'],
        ['cb02', 'editorial'],
      ]),
    );
  });
});
