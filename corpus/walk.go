package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one file to read, as Expand found it.
type Input struct {
	// Path is the file's path, or "-" for standard input.
	Path string
	// Size is the file's size in bytes (compressed, for gzip), or -1 when
	// unknown (standard input).
	Size int64
	// FromDir says the file was found by walking a directory rather than
	// named by the user; such a file that holds no opinions is ignored
	// instead of reported.
	FromDir bool
	// Err, when set, says that Path (a file or a directory) could not be
	// listed or examined: Process reports it as a skipped input, so that
	// one unreadable folder costs its own files and no more.
	Err *ReadError
}

// documentExtensions are the files a directory walk picks up, each also
// compressed (see compressedSuffixes). Files named on the command line
// are read whatever their name, since the format is detected from
// content.
var documentExtensions = map[string]bool{
	".txt": true, ".text": true, ".htm": true, ".html": true, ".xhtml": true,
	".xml": true, ".json": true, ".jsonl": true, ".ndjson": true, ".pdf": true,
}

// Expand turns command-line inputs into the files to read, in a fixed
// order: inputs in the order given; a directory's files (recursively,
// those with a document extension, hidden ones left out) in lexical order;
// a glob's matches sorted. "-" is standard input.
//
// Symbolic links in a directory are followed, to files and to
// directories alike; a file is read once however many paths lead to it
// (two links, or a path named twice), and a link back to a directory being
// walked (a loop) adds nothing. A broken link, and a directory or file that
// cannot be listed or examined, become an Input with Err set, so that the
// run reports and skips it.
//
// An input that names nothing (a missing path, a glob matching nothing) is
// an error, before any reading.
func Expand(inputs []string) ([]Input, error) {
	w := walker{seen: map[string]bool{}}
	for _, arg := range inputs {
		if arg == "-" {
			w.add(Input{Path: "-", Size: -1}, "-")
			continue
		}
		fi, err := os.Stat(arg)
		switch {
		case err == nil && fi.IsDir():
			w.walk(arg)
		case err == nil:
			w.add(Input{Path: arg, Size: fi.Size()}, realPath(arg))
		case strings.ContainsAny(arg, "*?["):
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				return nil, fmt.Errorf("%s: %w", arg, gerr)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			sort.Strings(matches)
			sub, err := Expand(matches)
			if err != nil {
				return nil, err
			}
			for _, in := range sub {
				w.add(in, realPath(in.Path))
			}
		case errors.Is(err, fs.ErrPermission):
			w.fail(arg, err)
		default:
			return nil, fmt.Errorf("%s: %w", arg, unwrapPathError(err))
		}
	}
	return w.out, nil
}

// walker collects the inputs of Expand, each file once.
type walker struct {
	out  []Input
	seen map[string]bool // real paths of the files and directories taken
}

// add takes in unless the file at real was taken already.
func (w *walker) add(in Input, real string) {
	if !w.seen[real] {
		w.seen[real] = true
		w.out = append(w.out, in)
	}
}

// fail records that path could not be listed or examined.
func (w *walker) fail(path string, err error) {
	w.out = append(w.out, Input{Path: path, Size: 0, Err: &ReadError{Path: path, Offset: -1, Problem: ProblemUnreadable, Err: unwrapPathError(err)}})
}

// walk adds the document files under dir, in lexical order (os.ReadDir
// sorts), which makes the order independent of the file system.
func (w *walker) walk(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.fail(dir, err)
		return
	}
	if real, err = filepath.Abs(real); err != nil {
		w.fail(dir, err)
		return
	}
	if w.seen[real] {
		return // a loop, or a directory reached twice
	}
	w.seen[real] = true
	ents, err := os.ReadDir(dir)
	if err != nil {
		// The entries listed before the error are still walked.
		w.fail(dir, err)
	}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				if isDocumentName(name) || errors.Is(err, fs.ErrPermission) {
					w.fail(path, fmt.Errorf("symbolic link: %w", unwrapPathError(err)))
				}
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			w.walk(path)
		case typ.IsRegular() && isDocumentName(name):
			fi, err := os.Stat(path)
			if err != nil {
				w.fail(path, err)
				continue
			}
			file := filepath.Join(real, name)
			if e.Type()&fs.ModeSymlink != 0 {
				file = realPath(path)
			}
			w.add(Input{Path: path, Size: fi.Size(), FromDir: true}, file)
		}
	}
}

// realPath is path with every symbolic link resolved, made absolute: the
// key that tells two paths to one file apart from two files.
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		path = r
	}
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}

// DocumentExtensions lists the extensions a directory walk picks up, for
// messages: ".htm, .html, ..., each also .gz or .bz2".
func DocumentExtensions() string {
	exts := make([]string, 0, len(documentExtensions))
	for e := range documentExtensions {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	return strings.Join(exts, ", ") + ", each also " + strings.Join(compressedSuffixes, " or ")
}

func isDocumentName(name string) bool {
	return documentExtensions[filepath.Ext(uncompressedName(name))]
}

// compressedSuffixes are the compressions a reader undoes (recognised by
// their magic numbers, see decompress), as files are named for them.
var compressedSuffixes = []string{".gz", ".bz2"}

// uncompressedName is name in lower case without its compression suffix:
// the name that says the format.
func uncompressedName(name string) string {
	name = strings.ToLower(name)
	for _, s := range compressedSuffixes {
		name = strings.TrimSuffix(name, s)
	}
	return name
}
