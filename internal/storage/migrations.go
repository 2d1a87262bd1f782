package storage

import (
	"io/fs"
	"path"
	"sort"
)

// Migration is one schema step of a backend: version N of a database
// means its first N steps have been applied. Only ever append: a
// released step never changes.
type Migration struct {
	Name string // the file name, starting with its zero-padded number
	SQL  string
}

// LoadMigrations reads a backend's steps, the files matching pattern in
// fsys (its embedded migrations folder), in file-name order. It panics
// on an unreadable file: the files are compiled in.
func LoadMigrations(fsys fs.FS, pattern string) []Migration {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	steps := make([]Migration, 0, len(names))
	for _, name := range names {
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			panic(err)
		}
		steps = append(steps, Migration{Name: path.Base(name), SQL: string(text)})
	}
	return steps
}
