package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Stdout is the output path that means standard output.
const Stdout = "-"

// WriteFile runs write against the file at path so that readers never see a
// partial file: the output goes to a temporary file in the same directory
// (so the final rename stays on one file system), is flushed and synced, and
// only then replaces path. On any error, or a panic in write, the old file
// is left as it was and the temporary file is removed. Path "-" writes to
// standard output instead.
//
// A new file gets mode 0644; a replaced file keeps its mode.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	if path == Stdout {
		bw := bufio.NewWriterSize(os.Stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write standard output: %w", err)
		}
		return nil
	}
	if path == "" {
		return errors.New("no output file given")
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("write %s: is a directory", path)
		}
		mode = fi.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	tmp := f.Name()
	committed := false
	defer func() {
		// Runs on errors and on panics alike, so that no temporary file
		// survives a failed write.
		if !committed {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		// A failed write to the temporary file (a full disk) is reported
		// against the file the user asked for.
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == tmp {
			return fmt.Errorf("write %s: %w", path, pe.Err)
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	if err := f.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	committed = true
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable. Failure is not reported: the file is
// complete and in place, and some file systems cannot sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrapPathError drops the temporary file's name from an error, since the
// user only knows the path they asked for.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
