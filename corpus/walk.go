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
}

// documentExtensions are the files a directory walk picks up, each also
// with ".gz". Files named on the command line are read whatever their
// name, since the format is detected from content.
var documentExtensions = map[string]bool{
	".txt": true, ".text": true, ".htm": true, ".html": true, ".xhtml": true,
	".xml": true, ".json": true, ".jsonl": true, ".ndjson": true, ".pdf": true,
}

// Expand turns command-line inputs into the files to read, in a fixed
// order: inputs in the order given; a directory's files (recursively,
// those with a document extension, hidden ones left out) in lexical order;
// a glob's matches sorted. "-" is standard input. A path named twice is
// read once. An input that names nothing is an error, before any reading.
func Expand(inputs []string) ([]Input, error) {
	var out []Input
	seen := map[string]bool{}
	add := func(in Input) {
		if !seen[in.Path] {
			seen[in.Path] = true
			out = append(out, in)
		}
	}
	for _, arg := range inputs {
		if arg == "-" {
			add(Input{Path: "-", Size: -1})
			continue
		}
		fi, err := os.Stat(arg)
		switch {
		case err == nil && fi.IsDir():
			files, err := walkDir(arg)
			if err != nil {
				return nil, err
			}
			for _, f := range files {
				add(f)
			}
		case err == nil:
			add(Input{Path: arg, Size: fi.Size()})
		case strings.ContainsAny(arg, "*?["):
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				return nil, fmt.Errorf("%s: %w", arg, gerr)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			sort.Strings(matches)
			for _, m := range matches {
				sub, err := Expand([]string{m})
				if err != nil {
					return nil, err
				}
				for _, in := range sub {
					add(in)
				}
			}
		default:
			return nil, fmt.Errorf("%s: %w", arg, unwrapPathError(err))
		}
	}
	return out, nil
}

// walkDir lists the document files under dir. fs.WalkDir visits entries in
// lexical order, which makes the order independent of the file system.
func walkDir(dir string) ([]Input, error) {
	var out []Input
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		hidden := path != dir && strings.HasPrefix(e.Name(), ".")
		if e.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden || !e.Type().IsRegular() || !isDocumentName(e.Name()) {
			return nil
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		out = append(out, Input{Path: path, Size: fi.Size(), FromDir: true})
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %w", pe.Path, pe.Err)
		}
		return nil, err
	}
	return out, nil
}

func isDocumentName(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return documentExtensions[filepath.Ext(name)]
}
