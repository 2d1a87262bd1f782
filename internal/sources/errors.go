package sources

import (
	"errors"
	"strconv"
)

// Kinds of bad file, for errors.Is on a *FileError.
var (
	ErrUnreadable  = errors.New("cannot read file")
	ErrBinary      = errors.New("not a text file")
	ErrEmpty       = errors.New("empty file")
	ErrMalformed   = errors.New("broken markup")
	ErrNoBody      = errors.New("no article text")
	ErrUnsupported = errors.New("unsupported file type")
	ErrTooLarge    = errors.New("file too large")
	// ErrOutside is a link to a file outside the folders being read.
	ErrOutside = errors.New("link outside the articles folders")
	// ErrUnreadableFolder marks a warning from Scan: a folder that could
	// not be listed was left out, the rest was read.
	ErrUnreadableFolder = errors.New("folder cannot be read")
	// ErrBadDate marks a warning, not a bad file: the metadata date could
	// not be read without guessing, so the articles loaded with the date
	// unknown (or the --published fallback).
	ErrBadDate = errors.New("publication date not understood")
	// ErrLanguage marks a warning: the text does not read as English, the
	// one language the extractor reads, so its extract may be empty.
	ErrLanguage = errors.New("not English")
	// ErrFrontMatter marks a warning: the front matter was not valid YAML
	// and was read line by line instead.
	ErrFrontMatter = errors.New("front matter repaired")
)

// IsWarning reports whether err, returned by LoadFile together with
// articles, only warns: the articles are usable.
func IsWarning(err error) bool {
	return errors.Is(err, ErrBadDate) || errors.Is(err, ErrFrontMatter) || errors.Is(err, ErrUnreadableFolder) || errors.Is(err, ErrLanguage)
}

// FileError is a file that could not be turned into articles, or, when
// its Kind is ErrBadDate, a warning about a file that did load. Load
// returns one per bad file so callers can list them and go on.
type FileError struct {
	Path string
	// Line is the 1-based line of the problem, or 0 when it has none.
	Line int
	// Reason says what is wrong; Fix says what to do about it.
	Reason string
	Fix    string
	// Kind is one of the Err* values, for errors.Is.
	Kind error
	// Cause is the underlying error (I/O, YAML, JSON, XML), if any.
	Cause error
}

func (e *FileError) Error() string {
	msg := e.Path
	if e.Line > 0 {
		msg += ":" + strconv.Itoa(e.Line)
	}
	msg += ": " + e.Reason
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

func (e *FileError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.Kind, e.Cause} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}
