// Package text is the one layer of plain-text basics every other package
// reads articles and answers through: the tokenizer (byte and rune
// offsets), paragraphs and sentences, the quotation finder (every common
// quotation-mark style), accent folding, topic keys and truncation with an
// ellipsis. Keeping them here means the extractor, the temporal tagger, the
// digest's faithfulness guard and the store's snippets agree on what a
// word, a sentence and a quotation are.
//
// It depends on nothing in the module, so storage can use it without
// importing the extractor.
package text
