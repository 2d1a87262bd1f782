package sources

import (
	"io/fs"
	"os"
)

// SetUnreadable makes Scan fail to list the folder path, as it would for
// a user without permission to read it, until the returned func is called.
func SetUnreadable(path string) (restore func()) {
	readDir = func(name string) ([]fs.DirEntry, error) {
		if name == path {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.ReadDir(name)
	}
	return func() { readDir = os.ReadDir }
}
