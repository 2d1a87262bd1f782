package sources

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// readDir lists a folder; tests replace it to make a folder unreadable,
// which permissions alone cannot do for root.
var readDir = os.ReadDir

// Walk returns the supported files under each root as Scan does, without
// what it left out.
func Walk(roots ...string) ([]string, error) {
	files, _, err := Scan(roots...)
	return files, err
}

// Scan returns the supported files under each root (a file or a folder,
// searched recursively), sorted, without duplicates, and a *FileError for
// everything under a folder it left out and why:
//   - a file of a type the loaders do not read (ErrUnsupported), with the
//     types they do;
//   - a link whose target is outside every root (ErrOutside): the folders
//     configured are all that is read, so a link to /etc/passwd is not an
//     article;
//   - a folder it cannot list (ErrUnreadableFolder, a warning: the rest is
//     read), such as lost+found for a user that is not root.
//
// Hidden files and folders (names starting with ".") below a root are left
// out silently, and so are links to folders. A root that does not exist or
// is an unsupported file is an error.
func Scan(roots ...string) (files []string, skipped []error, err error) {
	w := walker{seen: map[string]bool{}}
	for _, root := range roots {
		if err := w.root(root); err != nil {
			return nil, nil, err
		}
	}
	slices.Sort(w.files)
	return w.files, w.skipped, nil
}

type walker struct {
	seen    map[string]bool
	files   []string
	skipped []error
	// inside are the roots with their links resolved, which links must
	// point into.
	inside []string
}

func (w *walker) add(path string) {
	path = filepath.Clean(path)
	if !w.seen[path] {
		w.seen[path] = true
		w.files = append(w.files, path)
	}
}

func (w *walker) root(root string) error {
	info, err := os.Stat(root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("source path %s does not exist: check the path or create it", root)
		}
		return fmt.Errorf("cannot read source path %s: %w", root, err)
	}
	if !info.IsDir() {
		if _, err := formatOf(root); err != nil {
			return fmt.Errorf("source file %s has an unsupported extension: use one of %s",
				root, strings.Join(Extensions(), " "))
		}
		w.add(root)
		return nil
	}
	resolved, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("cannot read source path %s: %w", root, err)
	}
	w.inside = append(w.inside, resolved)
	entries, err := readDir(root)
	if err != nil {
		return fmt.Errorf("cannot read source folder %s: %w (check its permissions)", root, err)
	}
	w.dir(root, entries)
	return nil
}

// dir goes through the entries of the folder path.
func (w *walker) dir(path string, entries []fs.DirEntry) {
	for _, entry := range entries {
		if strings.HasPrefix(entry.Name(), ".") {
			continue
		}
		full := filepath.Join(path, entry.Name())
		switch {
		case entry.IsDir():
			sub, err := readDir(full)
			if err != nil {
				w.skipped = append(w.skipped, &FileError{
					Path:   full,
					Reason: "cannot read folder (" + reason(err) + "); the files in it are left out",
					Fix:    "give the user briefbot runs as permission to read it, or move it out of the articles folder",
					Kind:   ErrUnreadableFolder,
					Cause:  err,
				})
				continue
			}
			w.dir(full, sub)
		case entry.Type()&fs.ModeSymlink != 0:
			w.link(full)
		case !entry.Type().IsRegular() || pageAssets[strings.ToLower(filepath.Ext(full))]:
		case !Supported(full):
			w.skipped = append(w.skipped, unsupported(full))
		default:
			w.add(full)
		}
	}
}

// pageAssets are the extensions of what a browser saves beside a page
// (images, styles, scripts, fonts, media): left out silently, since they
// are never articles, where any other file of a type the loaders do not
// read (.pdf, .docx, .jsonl, .xhtml, .text, …) is reported.
var pageAssets = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true, ".avif": true,
	".css": true, ".js": true, ".mjs": true, ".map": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".mp3": true, ".mp4": true, ".webm": true, ".ogg": true, ".wav": true,
}

// link adds a link to a supported file inside the roots. A link to
// nowhere is added, so that loading it reports it; a link to a folder or
// a device is not an article.
func (w *walker) link(path string) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		if Supported(path) {
			w.add(path)
		}
		return
	}
	info, err := os.Stat(target)
	if err != nil || !info.Mode().IsRegular() {
		return
	}
	if !slices.ContainsFunc(w.inside, func(root string) bool { return within(target, root) }) {
		w.skipped = append(w.skipped, &FileError{
			Path:   path,
			Reason: "a link to " + target + ", outside the articles folders; not read",
			Fix:    "copy the file into the folder instead of linking to it, or add its folder to the articles folders",
			Kind:   ErrOutside,
		})
		return
	}
	if !Supported(path) {
		w.skipped = append(w.skipped, unsupported(path))
		return
	}
	w.add(path)
}

func unsupported(path string) *FileError {
	ext := filepath.Ext(path)
	if ext == "" {
		ext = "no extension"
	}
	return &FileError{
		Path:   path,
		Reason: "unsupported file type (" + ext + ")",
		Fix:    "briefbot reads " + strings.Join(Extensions(), " ") + "; convert it, or move it out of the articles folder",
		Kind:   ErrUnsupported,
	}
}

// within reports whether path is root or inside it.
func within(path, root string) bool {
	return path == root || strings.HasPrefix(path, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator))
}

// reason is what went wrong with a path, without the path again.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
