// Package extract turns an article into its structured extract.
package extract

import "github.com/briefbot/briefbot"

// Extractor is safe for concurrent use.
type Extractor struct{}

// New returns an extractor.
func New() *Extractor { return &Extractor{} }

// Extract builds the extract of one article.
func (x *Extractor) Extract(a *briefbot.Article) *briefbot.Extract {
	return &briefbot.Extract{Article: a}
}
