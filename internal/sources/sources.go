// Package sources loads stored news articles from files.
package sources

import (
	"time"

	"github.com/briefbot/briefbot"
)

// Options tune loading.
type Options struct {
	// Published is used for articles whose own metadata has no date
	// (zero: leave unknown). Never guessed from file times.
	Published time.Time
}

// Supported reports whether path has an extension the loaders read.
func Supported(path string) bool { return false }

// Walk returns the supported files under each root (a file or a folder,
// searched recursively), sorted, without duplicates.
func Walk(roots ...string) ([]string, error) { return nil, nil }

// LoadFile loads one file. Feeds and JSON arrays give several articles.
// A bad file gives an error naming the path and the reason.
func LoadFile(path string, opts Options) ([]*briefbot.Article, error) { return nil, nil }

// Load loads every file; bad files are returned as errors and skipped,
// and articles with the same normalised body are merged into one whose
// Paths lists every file.
func Load(paths []string, opts Options) ([]*briefbot.Article, []error) { return nil, nil }
